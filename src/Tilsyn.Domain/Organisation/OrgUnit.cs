namespace Tilsyn.Organisation;

/// <summary>Whether a node in an administration's tree groups others or is a unit that handles cases.</summary>
public enum OrgUnitKind
{
    /// <summary>An area (<i>område</i>), e.g. "Dagtilbud", grouping units.</summary>
    Area = 1,
    /// <summary>A unit (<i>enhed</i>) that handles cases: a school, a day-care institution, a job centre.</summary>
    Unit = 2,
}

/// <summary>
/// A node in an administration's organisation tree: an area or a unit (<i>enhed</i>).
/// Units are never deleted once cases may refer to them; they are closed instead.
/// </summary>
public sealed class OrgUnit
{
    private OrgUnit() { }

    public OrgUnit(Administration administration, string name, OrgUnitKind kind, OrgUnit? parent = null)
        : this(administration.Id, name, kind, parent)
    {
        Administration = administration;
    }

    public OrgUnit(int administrationId, string name, OrgUnitKind kind, OrgUnit? parent = null)
    {
        AdministrationId = administrationId;
        Name = ValidName(name);
        Kind = kind;
        if (parent is not null) SetParent(parent, []);
    }

    public int Id { get; private set; }
    public int AdministrationId { get; private set; }
    public Administration? Administration { get; private set; }
    public int? ParentId { get; private set; }
    public OrgUnit? Parent { get; private set; }
    public string Name { get; private set; } = "";
    public OrgUnitKind Kind { get; private set; }

    /// <summary>Closed units stay for history (cases, statistics) but are not offered for new cases.</summary>
    public bool IsClosed { get; private set; }

    public void Rename(string name) => Name = ValidName(name);

    public void Close() => IsClosed = true;

    public void Reopen() => IsClosed = false;

    /// <summary>
    /// Moves the node under <paramref name="parent"/> (or to the top when null).
    /// <paramref name="ancestorsOfParent"/> are the ids above the new parent, so a cycle can be refused
    /// without loading the whole tree into the entity.
    /// </summary>
    public void SetParent(OrgUnit? parent, IReadOnlyCollection<int> ancestorsOfParent)
    {
        if (parent is null)
        {
            ParentId = null;
            Parent = null;
            return;
        }
        if (parent.AdministrationId != AdministrationId)
            throw new DomainException("En enhed kan kun placeres under en enhed i samme forvaltning.");
        if (parent.Kind != OrgUnitKind.Area)
            throw new DomainException("En enhed kan kun placeres under et område.");
        if (Id != 0 && (parent.Id == Id || ancestorsOfParent.Contains(Id)))
            throw new DomainException("En enhed kan ikke placeres under sig selv eller sine egne underenheder.");
        ParentId = parent.Id == 0 ? null : parent.Id;
        Parent = parent;
    }

    private static string ValidName(string? name)
    {
        var n = (name ?? "").Trim();
        if (n.Length is 0 or > 200)
            throw new DomainException("Enhedens navn skal udfyldes (højst 200 tegn).");
        return n;
    }
}
