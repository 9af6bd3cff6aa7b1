using Tilsyn.Complaints;

namespace Tilsyn.Web.DataSubjects;

/// <summary>
/// Everything Tilsyn holds that matches a data subject's key (<see cref="PersonSearch"/>): the cases
/// where the person is the citizen, documents and mails whose text names them, FOKUS answers and case
/// audits that mention them, and user accounts (the person as an administration's contact or staff).
/// </summary>
public sealed record PersonFindings(
    IReadOnlyList<PersonCase> Cases,
    IReadOnlyList<PersonDocument> Documents,
    IReadOnlyList<PersonMail> Mails,
    IReadOnlyList<PersonEvaluationAnswer> EvaluationAnswers,
    IReadOnlyList<PersonAuditedCase> AuditedCases,
    IReadOnlyList<PersonUser> Users)
{
    public int Count => Cases.Count + Documents.Count + Mails.Count + EvaluationAnswers.Count + AuditedCases.Count + Users.Count;

    /// <summary>The numbers of every case the findings touch (as citizen, or named in a document or mail).</summary>
    public IReadOnlyList<string> CaseNumbers => Cases.Select(c => c.Number)
        .Concat(Documents.Select(d => d.CaseNumber)).Concat(Mails.Where(m => m.CaseNumber is not null).Select(m => m.CaseNumber!))
        .Distinct().Order(StringComparer.Ordinal).ToList();
}

/// <summary>A case where the person is the citizen (<i>part</i>).</summary>
public sealed record PersonCase(int Id, string Number, CaseType Type, CaseStatus Status, DateTimeOffset ReceivedAt,
    string Name, string? Email, string? Phone, string? Address, string? MaskedCpr);

/// <summary>A journalised document whose text names the person.</summary>
public sealed record PersonDocument(int CaseId, string CaseNumber, int Sequence, DocumentKind Kind, string Title, DateTimeOffset CreatedAt);

/// <summary>A mail in the outbox to the person or naming them.</summary>
public sealed record PersonMail(long Id, string To, string Subject, string? CaseNumber, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>An administration's FOKUS answer that names the person (a participant, a cover letter, an answer text).</summary>
public sealed record PersonEvaluationAnswer(int Id, int Year, string Administration);

/// <summary>A case audit's sampled case whose answers or comments name the person.</summary>
public sealed record PersonAuditedCase(long Id, int AuditId, string AuditTitle, string CaseKey);

/// <summary>A user account of the person (staff, an administration's contact).</summary>
public sealed record PersonUser(string Id, string FullName, string? UserName, string? Email);
