using System.Security.Cryptography;
using System.Text;

namespace Tilsyn.Web.Complaints;

/// <summary>The citizen's private status link: an unguessable token whose SHA-256 is all the database keeps.</summary>
public static class StatusToken
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
