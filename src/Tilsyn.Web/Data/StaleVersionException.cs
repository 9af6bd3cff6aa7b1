namespace Tilsyn.Web.Data;

/// <summary>
/// A form was loaded with an older version of the aggregate than the one stored now: someone else
/// saved it in between (<see cref="AggregateVersion.ExpectVersion"/>). Shown like a conflict found by
/// the save itself (<see cref="DbUpdateConcurrencyException"/>).
/// </summary>
public sealed class StaleVersionException(Type aggregate, string message) : Exception(message)
{
    /// <summary>The aggregate's type (the page names it: "Sagen", "Besvarelsen" …).</summary>
    public Type Aggregate { get; } = aggregate;
}
