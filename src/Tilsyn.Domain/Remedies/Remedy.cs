using Tilsyn.Calendar;

namespace Tilsyn.Remedies;

/// <summary>What a conclusion asks the administration to do to put things right (<i>afhjælpning</i>).</summary>
public enum RemedyKind
{
    /// <summary><i>Undskyldning</i>.</summary>
    Apology = 1,
    /// <summary><i>Godtgørelse</i>: payment or other redress for the citizen.</summary>
    Redress = 2,
    /// <summary><i>Genoptagelse af afgørelsen</i>: the decision is reconsidered.</summary>
    Reconsideration = 3,
    /// <summary><i>Ændret praksis</i>: a procedure or practice is changed.</summary>
    PracticeChange = 4,
    /// <summary><i>Vejledning af medarbejdere</i>: instruction or training of staff.</summary>
    StaffGuidance = 5,
    /// <summary><i>Andet</i>.</summary>
    Other = 9,
}

/// <summary>The administration's answer to a remedy asked for (<i>forvaltningens svar</i>).</summary>
public enum RemedyAnswer
{
    /// <summary><i>Ikke besvaret endnu</i>.</summary>
    NotYetAnswered = 0,
    /// <summary><i>Accepteret</i>.</summary>
    Accepted = 1,
    /// <summary><i>Delvist accepteret</i>: the administration agreed to part of it.</summary>
    PartlyAccepted = 2,
    /// <summary><i>Afvist</i>.</summary>
    Refused = 3,
}

/// <summary>
/// A remedy asked for in a conclusion (<i>afhjælpning</i>), with the administration's answer, the
/// agreed due date and the date it was carried out: what <see cref="RemedyCompliance"/> measures,
/// as the UK Local Government and Social Care Ombudsman publishes per council.
/// <para>
/// The due date is the one asked for, replaced by the date agreed when the administration answers.
/// A refused remedy cannot be recorded as carried out; a carried-out remedy cannot be answered again.
/// </para>
/// </summary>
public sealed class Remedy
{
    public static readonly TextField DescriptionField = new("Beskrivelse af afhjælpningen", 2000);

    private Remedy() { }

    // The description's parameter is named "text", not "description", so that EF Core materialises a stored remedy through the
    // private constructor above and never re-runs these checks on stored data (an erased "other" remedy has no description).

    public Remedy(int administrationId, RemedyKind kind, string text, DateOnly askedOn, DateOnly dueDate)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("Ukendt type afhjælpning.");
        if (dueDate < askedOn) throw new DomainException("Fristen for afhjælpningen kan ikke ligge før datoen, den blev bedt om.");
        AdministrationId = administrationId;
        Kind = kind;
        Description = kind == RemedyKind.Other ? DescriptionField.Required(text) : DescriptionField.Optional(text);
        AskedOn = askedOn;
        DueDate = dueDate;
        Answer = RemedyAnswer.NotYetAnswered;
    }

    public int Id { get; private set; }
    public int AdministrationId { get; private set; }
    public RemedyKind Kind { get; private set; }

    /// <summary>What exactly is to be done; required for <see cref="RemedyKind.Other"/>.</summary>
    public string? Description { get; private set; }

    /// <summary>The date the conclusion asked for it.</summary>
    public DateOnly AskedOn { get; private set; }

    /// <summary>The agreed due date (<i>aftalt frist</i>): asked for, or agreed on answering.</summary>
    public DateOnly DueDate { get; private set; }

    public RemedyAnswer Answer { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }

    /// <summary>The date the administration carried it out (<i>gennemført</i>); null until then.</summary>
    public DateOnly? CarriedOutOn { get; private set; }

    public bool IsCarriedOut => CarriedOutOn is not null;

    /// <summary>Carried out on or before the agreed due date.</summary>
    public bool IsCarriedOutInTime => CarriedOutOn is { } d && d <= DueDate;

    /// <summary>The administration answers; an accepted (or partly accepted) remedy may get a new agreed due date.</summary>
    public void RecordAnswer(RemedyAnswer answer, DateOnly answeredOn, DateOnly? agreedDueDate, DateOnly today)
    {
        if (answer == RemedyAnswer.NotYetAnswered || !Enum.IsDefined(answer)) throw new DomainException("Vælg forvaltningens svar: accepteret, delvist accepteret eller afvist.");
        if (IsCarriedOut) throw new DomainException("Afhjælpningen er allerede gennemført.");
        if (answeredOn > today) throw new DomainException("Svardatoen kan ikke ligge i fremtiden.");
        if (answeredOn < AskedOn) throw new DomainException("Svardatoen kan ikke ligge før datoen, afhjælpningen blev bedt om.");
        if (agreedDueDate is { } due)
        {
            if (answer == RemedyAnswer.Refused) throw new DomainException("En afvist afhjælpning har ingen frist.");
            if (due < AskedOn) throw new DomainException("Fristen for afhjælpningen kan ikke ligge før datoen, den blev bedt om.");
            DueDate = due;
        }
        Answer = answer;
        AnsweredOn = answeredOn;
    }

    /// <summary>Records that the remedy was carried out. An unanswered remedy carried out counts as accepted.</summary>
    public void RecordCarriedOut(DateOnly on, DateOnly today)
    {
        if (IsCarriedOut) throw new DomainException("Afhjælpningen er allerede registreret som gennemført.");
        if (Answer == RemedyAnswer.Refused) throw new DomainException("Forvaltningen har afvist afhjælpningen; den kan ikke registreres som gennemført.");
        if (on > today) throw new DomainException("Datoen for gennemførelsen kan ikke ligge i fremtiden.");
        if (on < AskedOn) throw new DomainException("Datoen for gennemførelsen kan ikke ligge før datoen, afhjælpningen blev bedt om.");
        if (Answer == RemedyAnswer.NotYetAnswered)
        {
            Answer = RemedyAnswer.Accepted;
            AnsweredOn = on;
        }
        CarriedOutOn = on;
    }

    /// <summary>Blanks the free-text description when the case's personal data is deleted; kind, answer and dates stay for the statistics.</summary>
    public void Erase() => Description = null;

    /// <summary>Whether the remedy's compliance can be judged on <paramref name="today"/>: it is carried out, or its due date has passed (on the due date itself it can still be done in time).</summary>
    public bool IsAssessable(DateOnly today) => IsCarriedOut || today > DueDate;

    public static string Name(RemedyKind k) => k switch
    {
        RemedyKind.Apology => "Undskyldning",
        RemedyKind.Redress => "Godtgørelse",
        RemedyKind.Reconsideration => "Genoptagelse af afgørelsen",
        RemedyKind.PracticeChange => "Ændret praksis",
        RemedyKind.StaffGuidance => "Vejledning af medarbejdere",
        RemedyKind.Other => "Andet",
        _ => k.ToString(),
    };

    public static string Name(RemedyAnswer a) => a switch
    {
        RemedyAnswer.NotYetAnswered => "Ikke besvaret",
        RemedyAnswer.Accepted => "Accepteret",
        RemedyAnswer.PartlyAccepted => "Delvist accepteret",
        RemedyAnswer.Refused => "Afvist",
        _ => a.ToString(),
    };

    /// <summary>The due date shown with the answer, in Danish.</summary>
    public string DueText => DueDate.ToString("d. MMMM yyyy", DanishTime.Culture);
}
