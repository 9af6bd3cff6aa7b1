namespace Tilsyn.Organisation;

/// <summary>
/// A subject (<i>emne</i>) of the KLE classification, used to classify cases alike across
/// administrations. Loaded from KL's files and editable by the advisor's head of office.
/// </summary>
public sealed class KleSubject
{
    private KleSubject() { }

    public KleSubject(KleCode code, string title)
    {
        Code = code.Value;
        Level = code.Level;
        ParentCode = code.Parent?.Value;
        Title = ValidTitle(title);
    }

    /// <summary>The code as text, e.g. <c>28.09.04</c>; the key.</summary>
    public string Code { get; private set; } = "";
    public int Level { get; private set; }
    public string? ParentCode { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>KL retires codes (<i>udgår</i>); retired ones stay for old cases but are not offered for new ones.</summary>
    public bool IsRetired { get; private set; }

    public void Update(string title, bool retired)
    {
        Title = ValidTitle(title);
        IsRetired = retired;
    }

    private static string ValidTitle(string? title)
    {
        var t = (title ?? "").Trim();
        if (t.Length is 0 or > 300)
            throw new DomainException("KLE-emnets titel skal udfyldes (højst 300 tegn).");
        return t;
    }
}
