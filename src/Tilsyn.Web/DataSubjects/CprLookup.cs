using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Tilsyn.Web.DataSubjects;

/// <summary>
/// The keyed hash (HMAC-SHA256) of a CPR number that lets staff find a person's cases by exact CPR
/// (<see cref="Tilsyn.Complaints.Citizen.CprLookup"/>) while the number itself stays encrypted. A plain
/// hash would not do: there are only a few billion CPR numbers, so anyone with the database could
/// hash them all. The key lives outside the database, in a file beside the Data Protection keys
/// (<c>DataProtection:KeyFolder</c>, or <c>DataSubjects:CprLookupKeyFile</c>), itself encrypted with
/// Data Protection: whoever can read it could decrypt the CPR numbers anyway. It is made on first use;
/// every instance of a deployment must share it, as they share the key folder.
/// </summary>
public sealed class CprLookup(IConfiguration config, IDataProtectionProvider protection)
{
    private const string KeyPurpose = "Tilsyn.Citizen.CprLookupKey";
    private readonly Lazy<byte[]> key = new(() => LoadOrCreate(config, protection), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The lookup hash of a CPR number's ten digits (lower-case hex, 64 characters).</summary>
    public string Hash(string cprDigits) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.ASCII.GetBytes(cprDigits)));

    private static byte[] LoadOrCreate(IConfiguration config, IDataProtectionProvider protection)
    {
        var file = config["DataSubjects:CprLookupKeyFile"]
            ?? Path.Combine(config["DataProtection:KeyFolder"] ?? Path.Combine(Environment.CurrentDirectory, "data", "keys"), "cpr-lookup.key");
        var protector = protection.CreateProtector(KeyPurpose);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            try
            {
                // CreateNew: when two instances start at once, one writes and the other reads what it wrote.
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(file)) { }
        }
        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(file).Trim();
            if (text.Length > 0) return Convert.FromBase64String(protector.Unprotect(text));
            if (attempt > 20) throw new InvalidOperationException("The CPR lookup key file is empty.");
            Thread.Sleep(50); // the other instance is still writing it
        }
    }
}
