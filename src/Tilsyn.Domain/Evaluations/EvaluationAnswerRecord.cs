namespace Tilsyn.Evaluations;

/// <summary>
/// One administration's stored answer to a round (<i>besvarelse</i>) and the advisor's assessment of it.
/// The answer itself is an <see cref="EvaluationAnswer"/>, kept as its snapshot: it changes only through
/// that object's guarded methods (draft → submitted → reopened by the advisor with a reason) and is
/// stored back with <see cref="Store"/>. The assessment is given only to a submitted answer.
/// </summary>
public sealed class EvaluationAnswerRecord
{
    private EvaluationAnswerRecord() { }

    /// <summary>A new draft answer for <paramref name="administrationId"/> in a round (saved first, so it has its id).</summary>
    public EvaluationAnswerRecord(EvaluationRound round, int administrationId, DateTimeOffset at)
    {
        var answer = new EvaluationAnswer(administrationId, round.Scheme);
        RoundId = round.Id;
        AdministrationId = administrationId;
        Status = answer.Status;
        Snapshot = answer.ToSnapshot();
        UpdatedAt = at;
    }

    public int Id { get; private set; }

    /// <summary>
    /// The version of the answer, its assessment and its attachments as stored: raised by one on every save that changes any of it. A form
    /// carries the version it showed, and a save based on an older version is refused (optimistic
    /// concurrency), so nobody overwrites a change they have not seen.
    /// </summary>
    public int Version { get; private set; }
    public int RoundId { get; private set; }
    public int AdministrationId { get; private set; }

    /// <summary>The answer's status as last stored (for lists and reminders, without reading the snapshot).</summary>
    public AnswerStatus Status { get; private set; }

    /// <summary>Everything the answer holds; <see cref="AnswerOn"/> rebuilds the answer from it.</summary>
    public EvaluationAnswer.Snapshot Snapshot { get; private set; } = null!;

    /// <summary>The advisor's assessment; null until assessed.</summary>
    public EvaluationAssessment? Assessment { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The answer as an object, on its round's scheme.</summary>
    public EvaluationAnswer AnswerOn(EvaluationRound round)
    {
        if (round.Id != RoundId) throw new InvalidOperationException("The answer belongs to another round.");
        return EvaluationAnswer.Restore(AdministrationId, round.Scheme, Snapshot);
    }

    /// <summary>Stores the answer after a change made through its own methods.</summary>
    public void Store(EvaluationAnswer answer, DateTimeOffset at)
    {
        if (answer.AdministrationId != AdministrationId) throw new DomainException("Besvarelsen tilhører en anden forvaltning.");
        Snapshot = answer.ToSnapshot();
        Status = answer.Status;
        UpdatedAt = at;
    }

    /// <summary>A copy of the assessment to change (empty when none is given yet); refused until the answer is submitted.</summary>
    public EvaluationAssessment StartAssessment()
    {
        EnsureSubmitted();
        return (Assessment ?? new EvaluationAssessment()).Copy();
    }

    /// <summary>The advisor's assessment (<i>vurdering</i>) of a submitted answer.</summary>
    public void Assess(EvaluationAssessment assessment, DateTimeOffset at)
    {
        EnsureSubmitted();
        Assessment = assessment.Copy();
        UpdatedAt = at;
    }

    private void EnsureSubmitted()
    {
        if (Status != AnswerStatus.Submitted) throw new DomainException("Besvarelsen vurderes, når den er indsendt.");
    }
}
