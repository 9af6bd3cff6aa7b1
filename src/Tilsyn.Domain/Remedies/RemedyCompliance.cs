using Tilsyn.Calendar;

namespace Tilsyn.Remedies;

/// <summary>
/// An administration's compliance with remedies in a period (<i>efterlevelse</i>).
/// </summary>
/// <param name="Assessed">Remedies due in the period whose compliance can be judged (carried out, or past due): the denominator.</param>
/// <param name="CarriedOut">Of those, carried out (on time or late).</param>
/// <param name="InTime">Of those, carried out on or before the agreed due date.</param>
/// <param name="Late">Carried out after the due date.</param>
/// <param name="Refused">Past due and refused by the administration.</param>
/// <param name="Unanswered">Past due and never answered.</param>
/// <param name="Outstanding">Past due, accepted (or partly) but not carried out.</param>
/// <param name="NotYetDue">Due in the period but not yet judged (the due date is today or later and it is not carried out): not in any share.</param>
/// <param name="PartlyAccepted">Assessed remedies the administration accepted only in part (shown, as their "carried out" covers only the part agreed).</param>
public sealed record ComplianceFigures(
    int AdministrationId,
    ReportingPeriod Period,
    int Assessed,
    int CarriedOut,
    int InTime,
    int Late,
    int Refused,
    int Unanswered,
    int Outstanding,
    int NotYetDue,
    int PartlyAccepted)
{
    /// <summary>The share of assessed remedies carried out (<i>andel gennemført</i>); null when none was assessed.</summary>
    public double? CarriedOutShare => Assessed == 0 ? null : (double)CarriedOut / Assessed;

    /// <summary>The share of assessed remedies carried out in time (<i>andel gennemført rettidigt</i>); null when none was assessed.</summary>
    public double? InTimeShare => Assessed == 0 ? null : (double)InTime / Assessed;
}

/// <summary>
/// A conclusion upholding a complaint (criticism or a recommendation) and whether the administration
/// had already put things right before the advisor concluded.
/// </summary>
public sealed record UpheldComplaint(int AdministrationId, DateOnly ConcludedOn, bool RemediedBeforeConclusion);

/// <summary>The administration's own satisfactory remedies (<see cref="RemedyCompliance.SatisfactoryRemedies"/>).</summary>
public sealed record SatisfactoryRemedyFigures(int AdministrationId, ReportingPeriod Period, int Upheld, int RemediedBeforeConclusion)
{
    public double? Share => Upheld == 0 ? null : (double)RemediedBeforeConclusion / Upheld;
}

/// <summary>
/// Compliance with remedies, defined after the two figures the UK Local Government and Social Care
/// Ombudsman (LGSCO) publishes for every council in its annual review letters:
/// <list type="bullet">
/// <item><b>Compliance with recommendations</b>: the share of the remedies it recommended that the
/// council was found to have carried out. A remedy done late still counts as complied with, and the
/// LGSCO notes late compliance separately. Here: <see cref="ComplianceFigures.CarriedOutShare"/>
/// (carried out at any time up to today) and <see cref="ComplianceFigures.InTimeShare"/> (by the agreed
/// due date), with <see cref="ComplianceFigures.Late"/> shown.</item>
/// <item><b>Satisfactory remedy provided by the council</b>: the share of upheld complaints where the
/// council had already offered a satisfactory remedy before the complaint reached the Ombudsman.
/// Here: <see cref="SatisfactoryRemedies"/>, the share of upheld conclusions where the administration
/// had put things right before the advisor concluded.</item>
/// </list>
/// Precisely, for an administration and a period P on a given day:
/// <list type="number">
/// <item>a remedy belongs to P when its agreed due date lies in P (so each remedy is judged once, in the period it fell due);</item>
/// <item>it is <i>assessed</i> when it is carried out, or its due date has passed; otherwise it is "not yet due" and in no share;</item>
/// <item>carried out share = carried out ÷ assessed; in-time share = carried out on or before the due date ÷ assessed;</item>
/// <item>a refused or never answered remedy past its due date counts as not carried out, as a recommendation the council
/// does not implement counts against its compliance rate.</item>
/// </list>
/// </summary>
public static class RemedyCompliance
{
    /// <summary>Compliance per administration for the remedies given (each administration with a remedy due in the period gets a row).</summary>
    public static IReadOnlyList<ComplianceFigures> PerAdministration(IEnumerable<Remedy> remedies, ReportingPeriod period, DateOnly today) =>
        remedies.Where(r => period.Contains(r.DueDate))
            .GroupBy(r => r.AdministrationId)
            .OrderBy(g => g.Key)
            .Select(g => For(g.Key, g, period, today))
            .ToList();

    /// <summary>Compliance of one administration's remedies in a period; remedies of other administrations or due outside the period are ignored.</summary>
    public static ComplianceFigures For(int administrationId, IEnumerable<Remedy> remedies, ReportingPeriod period, DateOnly today)
    {
        int assessed = 0, carried = 0, inTime = 0, late = 0, refused = 0, unanswered = 0, outstanding = 0, notYet = 0, partly = 0;
        foreach (var r in remedies)
        {
            if (r.AdministrationId != administrationId || !period.Contains(r.DueDate)) continue;
            // A remedy carried out after "today" (a report drawn up for an earlier day) is judged as not yet carried out.
            var carriedOut = r.CarriedOutOn is { } on && on <= today;
            if (!carriedOut && today <= r.DueDate)
            {
                notYet++;
                continue;
            }
            assessed++;
            if (r.Answer == RemedyAnswer.PartlyAccepted) partly++;
            if (carriedOut)
            {
                carried++;
                if (r.CarriedOutOn <= r.DueDate) inTime++;
                else late++;
            }
            else if (r.Answer == RemedyAnswer.Refused) refused++;
            else if (r.Answer == RemedyAnswer.NotYetAnswered) unanswered++;
            else outstanding++;
        }
        return new(administrationId, period, assessed, carried, inTime, late, refused, unanswered, outstanding, notYet, partly);
    }

    /// <summary>Per administration: of the conclusions upholding a complaint in the period, how many found that the administration had already put things right.</summary>
    public static IReadOnlyList<SatisfactoryRemedyFigures> SatisfactoryRemedies(IEnumerable<UpheldComplaint> upheld, ReportingPeriod period) =>
        upheld.Where(u => period.Contains(u.ConcludedOn))
            .GroupBy(u => u.AdministrationId)
            .OrderBy(g => g.Key)
            .Select(g => new SatisfactoryRemedyFigures(g.Key, period, g.Count(), g.Count(u => u.RemediedBeforeConclusion)))
            .ToList();
}
