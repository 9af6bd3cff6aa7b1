namespace Tilsyn.Web.Statistics;

public sealed record TargetStatus(Target Target, string Scope, double? Actual, bool Deviates)
{
    public string Describe() => Target.Kind == TargetKind.MaxComplaintsPerThousand
        ? $"højst {Target.Value:0.##} klager pr. 1.000 sager"
        : $"mindst {Target.Value:0.#} % afgjort inden for fristen";
}
