namespace Tilsyn.Integration;

/// <summary>
/// What a machine client (<i>integrationsklient</i>) may do through the integration API. The same names are
/// the OAuth 2.0 scopes (or Entra ID app roles) a token carries and the grants in Tilsyn's client registry;
/// a call needs its scope in both (<see cref="Effective"/>).
/// </summary>
public static class IntegrationScopes
{
    /// <summary>Register a case (<i>registrere en sag</i>), as the intake form does.</summary>
    public const string CasesWrite = "tilsyn.cases.write";

    /// <summary>Read a case's status, deadlines and outcome by its number (no personal data).</summary>
    public const string CasesRead = "tilsyn.cases.read";

    /// <summary>Upload an extract (<i>udtræk</i>) for the statistics and poll the import job it started.</summary>
    public const string ExtractsWrite = "tilsyn.extracts.write";

    public static readonly IReadOnlyList<string> All = [CasesWrite, CasesRead, ExtractsWrite];

    /// <summary>The Danish description shown on the admin page and in the API description.</summary>
    public static string Describe(string scope) => scope switch
    {
        CasesWrite => "Registrere sager",
        CasesRead => "Læse en sags status",
        ExtractsWrite => "Indsende udtræk til statistikken",
        _ => scope,
    };

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);

    /// <summary>Scopes from a space-separated list (OAuth's <c>scope</c>/<c>scp</c> claim), unknown ones dropped.</summary>
    public static IReadOnlySet<string> Parse(IEnumerable<string?> values) =>
        values.Where(v => v is not null)
            .SelectMany(v => v!.Split([' ', '\t', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries))
            .Where(IsKnown)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// What a call may do: the scopes the token carries AND the ones the registry grants. A key has no token,
    /// so its calls get the registry's grants (<paramref name="fromToken"/> null).
    /// </summary>
    public static IReadOnlySet<string> Effective(IReadOnlySet<string>? fromToken, IEnumerable<string> granted) =>
        granted.Where(s => IsKnown(s) && (fromToken is null || fromToken.Contains(s))).ToHashSet(StringComparer.Ordinal);

    /// <summary>Checks a set of grants (from the admin page): only known scopes.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<string> scopes)
    {
        var list = scopes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var unknown = list.FirstOrDefault(s => !IsKnown(s));
        if (unknown is not null) throw new DomainException($"Rettigheden '{unknown}' findes ikke.");
        return All.Where(list.Contains).ToList();
    }
}
