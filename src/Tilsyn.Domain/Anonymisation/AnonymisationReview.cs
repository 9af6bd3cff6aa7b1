using System.Text;

namespace Tilsyn.Anonymisation;

/// <summary>What a person has decided about one finding.</summary>
public enum FindingState
{
    /// <summary>Not yet decided: the summary cannot be published.</summary>
    Unresolved,

    /// <summary>Personal data: the published text has the placeholder instead.</summary>
    Replaced,

    /// <summary>A person says it is not personal data: the published text keeps it.</summary>
    Confirmed,
}

/// <summary>A finding and the decision about it.</summary>
public sealed record ReviewItem(Finding Finding, FindingState State);

/// <summary>
/// One piece of the text for the UI: plain text (<see cref="Finding"/> and <see cref="Index"/> null) or a
/// finding to highlight, with its index in <see cref="AnonymisationReview.Items"/>.
/// </summary>
public sealed record HighlightSegment(string Text, Finding? Finding, int? Index);

/// <summary>
/// The review of a case summary before publication: the scanner's findings, each of which a person
/// must replace or confirm before <see cref="EnsurePublishable"/> lets it through.
/// </summary>
public sealed class AnonymisationReview
{
    private readonly List<ReviewItem> _items;

    private AnonymisationReview(string text, ScanContext context, List<ReviewItem> items)
    {
        Text = text;
        Context = context;
        _items = items;
    }

    /// <summary>Scans <paramref name="text"/> and starts a review with every finding unresolved.</summary>
    public static AnonymisationReview Start(string text, ScanContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var items = PersonalDataScanner.Scan(text, context).Select(f => new ReviewItem(f, FindingState.Unresolved)).ToList();
        return new AnonymisationReview(text, context, items);
    }

    /// <summary>The text as written, with no replacements.</summary>
    public string Text { get; private set; }

    public ScanContext Context { get; }

    /// <summary>The findings in text order with their states; an index here is what the operations take.</summary>
    public IReadOnlyList<ReviewItem> Items => _items;

    public int UnresolvedCount => _items.Count(i => i.State == FindingState.Unresolved);

    /// <summary>True when every finding is replaced or confirmed (also when there are none).</summary>
    public bool IsResolved => UnresolvedCount == 0;

    /// <summary>The text to publish: replaced findings become their placeholders, confirmed and unresolved ones stay.</summary>
    public string Result
    {
        get
        {
            var result = new StringBuilder(Text.Length);
            var at = 0;
            foreach (var item in _items.Where(i => i.State == FindingState.Replaced))
            {
                result.Append(Text, at, item.Finding.Start - at).Append(item.Finding.Placeholder);
                at = item.Finding.End;
            }
            return result.Append(Text, at, Text.Length - at).ToString();
        }
    }

    /// <summary>Marks the finding as personal data, to be replaced by its placeholder.</summary>
    public void Replace(int index) => SetState(index, FindingState.Replaced);

    /// <summary>Marks the finding as not personal data: it stays in the text.</summary>
    public void Confirm(int index) => SetState(index, FindingState.Confirmed);

    /// <summary>Undoes a decision, so the finding is unresolved again.</summary>
    public void Reopen(int index) => SetState(index, FindingState.Unresolved);

    private void SetState(int index, FindingState state)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _items.Count);
        _items[index] = _items[index] with { State = state };
    }

    /// <summary>Replaces every unresolved finding; confirmed findings stay confirmed.</summary>
    public void ReplaceAll()
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (_items[i].State == FindingState.Unresolved)
                _items[i] = _items[i] with { State = FindingState.Replaced };
        }
    }

    /// <summary>
    /// Takes a new version of the text and scans it again. A new finding with the same kind and text as a
    /// finding that was confirmed (or replaced) before gets the same state; a text that was decided both
    /// ways keeps the safer one, replaced. Everything else is unresolved.
    /// </summary>
    public void Edit(string newText)
    {
        ArgumentNullException.ThrowIfNull(newText);
        var decided = new Dictionary<(FindingKind, string), FindingState>();
        foreach (var item in _items.Where(i => i.State != FindingState.Unresolved))
        {
            var key = (item.Finding.Kind, item.Finding.Text);
            if (!decided.TryGetValue(key, out var state) || state != FindingState.Replaced)
                decided[key] = item.State;
        }

        Text = newText;
        _items.Clear();
        foreach (var finding in PersonalDataScanner.Scan(newText, Context))
            _items.Add(new ReviewItem(finding, decided.GetValueOrDefault((finding.Kind, finding.Text), FindingState.Unresolved)));
    }

    /// <exception cref="DomainException">A finding is unresolved; the message names the first one.</exception>
    public void EnsurePublishable()
    {
        var unresolved = _items.Where(i => i.State == FindingState.Unresolved).ToList();
        if (unresolved.Count == 0) return;
        var first = unresolved[0].Finding;
        var count = unresolved.Count == 1 ? "1 uafklaret fund" : $"{unresolved.Count} uafklarede fund";
        throw new DomainException($"Resuméet har {count}, fx {first.Label} \"{Shown(first)}\".");
    }

    /// <summary>
    /// How a finding is named in the error message. A CPR number keeps its serial number hidden, as
    /// everywhere else in Tilsyn (see <c>CprNumber.Masked</c>): messages end up in logs.
    /// </summary>
    private static string Shown(Finding finding) =>
        finding.Kind == FindingKind.Cpr && finding.Text.Length >= 4 ? finding.Text[..^4] + "xxxx" : finding.Text;

    /// <summary>The whole text cut into plain pieces and findings, in order, for highlighting.</summary>
    public IReadOnlyList<HighlightSegment> Segments()
    {
        var segments = new List<HighlightSegment>();
        var at = 0;
        for (var i = 0; i < _items.Count; i++)
        {
            var finding = _items[i].Finding;
            if (finding.Start > at) segments.Add(new HighlightSegment(Text[at..finding.Start], null, null));
            segments.Add(new HighlightSegment(finding.Text, finding, i));
            at = finding.End;
        }
        if (at < Text.Length) segments.Add(new HighlightSegment(Text[at..], null, null));
        return segments;
    }

    /// <summary>A plain, JSON-serialisable copy of the review for storage.</summary>
    public AnonymisationSnapshot Snapshot() => new(
        Text,
        Context.PartyNames.ToArray(),
        Context.CaseNumber,
        Context.PublicData.ToArray(),
        _items.Select(i => new FindingSnapshot(i.Finding.Start, i.Finding.Length, i.Finding.Kind, i.Finding.Text, i.State)).ToArray());

    /// <summary>
    /// Rebuilds a review from <see cref="Snapshot"/> as it was stored, without scanning again (that happens
    /// on the next <see cref="Edit"/>). The findings must fit the text, in order and without overlaps.
    /// </summary>
    /// <exception cref="DomainException">The stored findings do not fit the stored text.</exception>
    public static AnonymisationReview Restore(AnonymisationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = snapshot.Text ?? "";
        var context = new ScanContext(snapshot.PartyNames, snapshot.CaseNumber, snapshot.PublicData);
        var items = new List<ReviewItem>();
        var end = 0;
        foreach (var f in snapshot.Findings ?? [])
        {
            var fits = f is not null && f.Text is not null && f.Start >= end && f.Length > 0
                && f.Text.Length == f.Length && f.Start + f.Length <= text.Length
                && string.CompareOrdinal(text, f.Start, f.Text, 0, f.Length) == 0
                && Enum.IsDefined(f.Kind) && Enum.IsDefined(f.State);
            if (!fits) throw new DomainException("Den gemte anonymisering passer ikke til teksten. Start gennemgangen forfra.");
            items.Add(new ReviewItem(new Finding(f!.Start, f.Length, f.Kind, f.Text!), f.State));
            end = f.Start + f.Length;
        }
        return new AnonymisationReview(text, context, items);
    }
}

/// <summary>A stored <see cref="AnonymisationReview"/>: plain data, safe to serialise as JSON.</summary>
public sealed record AnonymisationSnapshot(
    string Text,
    IReadOnlyList<string> PartyNames,
    string? CaseNumber,
    IReadOnlyList<string> PublicData,
    IReadOnlyList<FindingSnapshot> Findings);

/// <summary>One stored finding and its state.</summary>
public sealed record FindingSnapshot(int Start, int Length, FindingKind Kind, string Text, FindingState State);
