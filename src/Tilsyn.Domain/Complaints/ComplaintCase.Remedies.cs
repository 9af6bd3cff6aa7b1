using Tilsyn.Calendar;
using Tilsyn.Remedies;

namespace Tilsyn.Complaints;

// Remedies (afhjælpning, issue 15): what a conclusion upholding a complaint asks the administration to
// do, with the administration's answer and the date it was carried out. They belong to the case: they
// are recorded on the case page, under the case's version, and every step writes a history line.
public sealed partial class ComplaintCase
{
    private readonly List<Remedy> remedies = [];

    /// <summary>The remedies asked for in the conclusion (<i>afhjælpning</i>), in the order they were added.</summary>
    public IReadOnlyList<Remedy> Remedies => remedies;

    /// <summary>The outcomes that uphold a complaint and so may ask for a remedy: criticism and a recommendation.</summary>
    public static readonly IReadOnlyList<Outcome> RemedyOutcomes = [Complaints.Outcome.Criticism, Complaints.Outcome.Recommendation];

    /// <summary>Whether remedies may be added now: the case is concluded (or closed after a conclusion) with criticism or a recommendation.</summary>
    public bool MayAskForRemedies =>
        Status is CaseStatus.Concluded or CaseStatus.Closed && Outcome is { } o && RemedyOutcomes.Contains(o) && AdministrationId is not null && PersonalDataDeletedAt is null;

    /// <summary>
    /// Records a remedy the conclusion asks for (<i>afhjælpning</i>), due <paramref name="dueDate"/>. Only on a
    /// case concluded with criticism or a recommendation, about an administration; the remedy is that administration's.
    /// </summary>
    public Remedy AskForRemedy(RemedyKind kind, string? description, DateOnly dueDate, DateTimeOffset at, Actor by)
    {
        EnsureNotErased();
        if (Status is not (CaseStatus.Concluded or CaseStatus.Closed) || Outcome is null)
            throw new DomainException($"Afhjælpning kan først registreres, når sagen er afsluttet (status: {CaseWorkflow.Name(Status)}).");
        if (!RemedyOutcomes.Contains(Outcome.Value))
            throw new DomainException($"Afhjælpning følger kun af kritik eller en henstilling, ikke af udfaldet '{CaseTexts.Name(Outcome.Value)}'.");
        RequireAdministration();
        var remedy = new Remedy(AdministrationId!.Value, kind, description ?? "", DanishTime.LocalDate(at), dueDate);
        remedies.Add(remedy);
        events.Add(new CaseEvent(at, by, $"Afhjælpning bedt om: {Remedy.Name(kind)}, frist {dueDate:dd-MM-yyyy}."));
        return remedy;
    }

    /// <summary>The administration's answer to a remedy (accepted, partly accepted, refused), possibly with a new agreed due date.</summary>
    public void RecordRemedyAnswer(Remedy remedy, RemedyAnswer answer, DateOnly answeredOn, DateOnly? agreedDueDate, DateTimeOffset at, Actor by)
    {
        EnsureNotErased();
        EnsureOwn(remedy);
        remedy.RecordAnswer(answer, answeredOn, agreedDueDate, DanishTime.LocalDate(at));
        var due = agreedDueDate is { } d ? $", aftalt frist {d:dd-MM-yyyy}" : "";
        events.Add(new CaseEvent(at, by, $"Forvaltningens svar på afhjælpning ({Remedy.Name(remedy.Kind)}): {Remedy.Name(answer)} {answeredOn:dd-MM-yyyy}{due}."));
    }

    /// <summary>Records that the administration carried out a remedy on <paramref name="on"/>.</summary>
    public void RecordRemedyCarriedOut(Remedy remedy, DateOnly on, DateTimeOffset at, Actor by)
    {
        EnsureNotErased();
        EnsureOwn(remedy);
        remedy.RecordCarriedOut(on, DanishTime.LocalDate(at));
        events.Add(new CaseEvent(at, by, $"Afhjælpning gennemført ({Remedy.Name(remedy.Kind)}) {on:dd-MM-yyyy}{(remedy.IsCarriedOutInTime ? "" : ", efter fristen")}."));
    }

    private void EnsureOwn(Remedy remedy)
    {
        if (!remedies.Contains(remedy)) throw new DomainException("Afhjælpningen hører ikke til sagen.");
    }
}
