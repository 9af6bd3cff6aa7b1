namespace Tilsyn.Web.Extracts;

/// <summary>Stores chunks one at a time (the workers share one database connection), numbering them as they come.</summary>
public sealed class ExtractCaseWriter(Func<int, byte[], int, ValueTask> store)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private int next;
    public long Rows { get; private set; }

    public CaseChunkBuilder NewBuilder() => new(this);

    internal async ValueTask StoreAsync(byte[] payload, int rows)
    {
        await gate.WaitAsync();
        try
        {
            await store(next++, payload, rows);
            Rows += rows;
        }
        finally { gate.Release(); }
    }
}
