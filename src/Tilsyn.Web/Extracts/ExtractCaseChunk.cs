namespace Tilsyn.Web.Extracts;

/// <summary>
/// The cases of an imported extract, kept for audit sampling: 65,536 rows per chunk, packed column
/// by column and compressed, so ten million rows are a few hundred blobs (same on SQLite and
/// PostgreSQL), written while the import streams and read back one chunk at a time.
/// </summary>
public sealed class ExtractCaseChunk
{
    public long Id { get; set; }
    public int ExtractId { get; set; }
    public int ChunkNo { get; set; }
    public int Rows { get; set; }
    public byte[] Payload { get; set; } = [];
}
