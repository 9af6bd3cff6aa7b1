using Tilsyn.Audits;
using Tilsyn.Extracts;

namespace Tilsyn.Web.Extracts;

/// <summary>Collects the valid rows of one worker; a full chunk waits until the worker hands it to the writer.</summary>
public sealed class CaseChunkBuilder(ExtractCaseWriter writer)
{
    public const int ChunkRows = 65_536;
    private List<PopulationCase> rows = new(ChunkRows);
    private readonly Queue<List<PopulationCase>> full = new();

    /// <summary>Adds a row; true when a chunk is full and should be stored (<see cref="FlushFullAsync"/>).</summary>
    public bool Add(string caseId, in ExtractRow row)
    {
        rows.Add(new PopulationCase(caseId, row.AdministrationId, row.UnitId, row.KleGroup, row.CaseType, row.Opened, row.Decided, row.Closed));
        if (rows.Count < ChunkRows) return false;
        full.Enqueue(rows);
        rows = new(ChunkRows);
        return true;
    }

    /// <summary>Stores the chunks that are full.</summary>
    public async ValueTask FlushFullAsync()
    {
        while (full.TryDequeue(out var chunk)) await StoreAsync(chunk);
    }

    /// <summary>Stores everything, the last chunk too.</summary>
    public async ValueTask FlushAsync()
    {
        await FlushFullAsync();
        if (rows.Count == 0) return;
        await StoreAsync(rows);
        rows.Clear();
    }

    private async ValueTask StoreAsync(List<PopulationCase> chunk) => await writer.StoreAsync(CaseChunkCodec.Encode(chunk), chunk.Count);
}
