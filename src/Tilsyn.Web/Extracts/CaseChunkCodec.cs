using System.IO.Compression;
using System.Text;
using Tilsyn.Audits;

namespace Tilsyn.Web.Extracts;

/// <summary>The chunk format: a string table for case types and KLE groups, then varint columns, deflated.</summary>
public static class CaseChunkCodec
{
    private const byte Version = 1;

    public static byte[] Encode(IReadOnlyList<PopulationCase> rows)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var strings = new List<string>();
        int Index(string s)
        {
            if (!table.TryGetValue(s, out var i)) { table[s] = i = strings.Count; strings.Add(s); }
            return i;
        }
        var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var r in rows)
            {
                w.Write7BitEncodedInt(r.AdministrationId);
                w.Write7BitEncodedInt(r.UnitId);
                w.Write7BitEncodedInt(Index(r.CaseType));
                w.Write7BitEncodedInt(r.KleGroup is null ? 0 : Index(r.KleGroup) + 1);
                w.Write7BitEncodedInt(r.Opened.DayNumber);
                w.Write7BitEncodedInt(r.Decided is { } d ? Zig(d.DayNumber - r.Opened.DayNumber) + 1 : 0);
                w.Write7BitEncodedInt(r.Closed is { } c ? Zig(c.DayNumber - r.Opened.DayNumber) + 1 : 0);
                w.Write(r.Key);
            }
        }
        var output = new MemoryStream();
        output.WriteByte(Version);
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(z, Encoding.UTF8))
        {
            w.Write7BitEncodedInt(rows.Count);
            w.Write7BitEncodedInt(strings.Count);
            foreach (var s in strings) w.Write(s);
            body.Position = 0;
            w.Flush();
            body.CopyTo(z);
        }
        return output.ToArray();
    }

    /// <summary>
    /// Reads a chunk for audit sampling: decompresses a chunk once and reads it in place, filters on the
    /// numbers and string-table entries, and builds a case (and its key string) only when the sampler
    /// might keep it.
    /// </summary>
    public static void Scan(byte[] payload, PopulationFilter filter, StratifyBy by, PrioritySampler<PopulationCase> sampler, Dictionary<int, string> unitKeys)
    {
        if (payload.Length == 0 || payload[0] != Version) throw new InvalidDataException("Ukendt format for gemte sager.");
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(payload, 1, payload.Length - 1), CompressionMode.Decompress)) z.CopyTo(inflated);
        ReadOnlySpan<byte> data = inflated.GetBuffer().AsSpan(0, (int)inflated.Length);
        var pos = 0;
        var count = Var(data, ref pos);
        var strings = new string[Var(data, ref pos)];
        for (var i = 0; i < strings.Length; i++)
        {
            var len = Var(data, ref pos);
            strings[i] = Encoding.UTF8.GetString(data.Slice(pos, len));
            pos += len;
        }
        var typeOk = strings.Select(filter.MatchesCaseType).ToArray();
        var kleOk = strings.Select(s => filter.MatchesKleGroup(s)).ToArray();
        var noKleOk = filter.MatchesKleGroup(null);
        for (var i = 0; i < count; i++)
        {
            var admin = Var(data, ref pos);
            var unit = Var(data, ref pos);
            var type = Var(data, ref pos);
            var kle = Var(data, ref pos);
            var opened = Var(data, ref pos);
            var decided = Var(data, ref pos);
            var closed = Var(data, ref pos);
            var keyLength = Var(data, ref pos);
            var key = data.Slice(pos, keyLength);
            pos += keyLength;
            if (!filter.MatchesOrganisation(admin, unit) || !typeOk[type] || !(kle == 0 ? noKleOk : kleOk[kle - 1]) || !filter.MatchesOpened(opened)) continue;
            string stratum;
            if (by == StratifyBy.Unit)
            {
                if (!unitKeys.TryGetValue(unit, out stratum!)) unitKeys[unit] = stratum = unit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else stratum = by == StratifyBy.CaseType ? strings[type] : "";
            var priority = PrioritySampler<PopulationCase>.Priority(sampler.Seed, key);
            if (!sampler.Counts(stratum, priority)) continue;
            var text = Encoding.UTF8.GetString(key);
            sampler.Keep(stratum, priority, text, new PopulationCase(text, admin, unit, kle == 0 ? null : strings[kle - 1], strings[type], DateOnly.FromDayNumber(opened),
                decided == 0 ? null : DateOnly.FromDayNumber(opened + Zag(decided - 1)), closed == 0 ? null : DateOnly.FromDayNumber(opened + Zag(closed - 1))));
        }
    }

    /// <summary>Reads what <see cref="BinaryWriter.Write7BitEncodedInt"/> wrote.</summary>
    private static int Var(ReadOnlySpan<byte> data, ref int pos)
    {
        uint result = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[pos++];
            result |= (uint)(b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return (int)result;
    }

    private static int Zig(int v) => (v << 1) ^ (v >> 31);
    private static int Zag(int v) => (int)((uint)v >> 1) ^ -(v & 1);
}
