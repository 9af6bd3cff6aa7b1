using Tilsyn.Letters;

namespace Tilsyn.Web.Letters;

/// <summary>An editable letter template (<i>brevskabelon</i>); when none is stored the built-in default is used.</summary>
public sealed class StoredLetterTemplate
{
    public LetterKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
