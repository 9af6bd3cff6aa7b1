using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Extracts;
using Tilsyn.Integration;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Integration;

/// <summary>What a client sends to register a case: the intake form's fields (<see cref="IntakeForm"/>), the administration by its code.</summary>
public sealed record CaseRegistrationRequest(
    string? Name, string? Email, string? Phone, string? Address, string? Cpr, string? Administration,
    string? Subject, string? Description, string? Type, string? Channel);

/// <summary>The answer to a registration: the case number and where its status is read.</summary>
public sealed record CaseRegistered(string Number, string Status, DateTimeOffset ReceivedAt, DateOnly FirstAnswerDue);

public sealed record AdministrationRef(string Code, string Name);
public sealed record DeadlineView(string Kind, string Name, DateOnly Due, bool Overdue);

/// <summary>A case's status as the integration API shows it: no citizen, no texts, only the case's progress.</summary>
public sealed record CaseStatusView(
    string Number, string Type, string TypeText, string Status, string StatusText, DateTimeOffset ReceivedAt,
    AdministrationRef? Administration, DateOnly FirstAnswerDue, DateTimeOffset? FirstAnsweredAt, IReadOnlyList<DeadlineView> OpenDeadlines,
    DateTimeOffset? ConcludedAt, DateTimeOffset? ClosedAt, string? Outcome, string? OutcomeText);

public sealed record ExtractJobAccepted(Guid Id, string State);
public sealed record ExtractJobView(Guid Id, string State, double Progress, string FileName, string Source, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, ExtractJobReport? Report, string? Failure);

/// <summary>
/// The integration API (<c>/api/integration/v1</c>) for the municipality's case system and integration platform:
/// register a case (the intake form's validation, <see cref="CaseRegistration"/>), read a case's status by number,
/// upload an extract (the page's import, <see cref="ExtractImporter"/>) and poll its job. Only machine clients
/// (<see cref="IntegrationAuth"/>); every call is access-logged (<see cref="IntegrationCallFilter"/>).
/// </summary>
public static class IntegrationApi
{
    public const string Prefix = "/api/integration/v1";
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The largest extract taken, as on the page.</summary>
    public const long MaxExtractBytes = Pages.Extracts.IndexModel.MaxExtractBytes;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Request fields by the <see cref="IntakeForm"/> property the registration names.</summary>
    private static readonly Dictionary<string, string> FieldNames = new()
    {
        [nameof(IntakeForm.Name)] = "name", [nameof(IntakeForm.Email)] = "email", [nameof(IntakeForm.Phone)] = "phone",
        [nameof(IntakeForm.Address)] = "address", [nameof(IntakeForm.Cpr)] = "cpr", [nameof(IntakeForm.AdministrationId)] = "administration",
        [nameof(IntakeForm.Subject)] = "subject", [nameof(IntakeForm.Description)] = "description", ["Files"] = "files",
    };

    public static IEndpointRouteBuilder MapIntegrationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(IntegrationAuth.Policy)
            .AddEndpointFilter<IntegrationCallFilter>()
            .DisableAntiforgery() // no cookie is accepted here, so there is no cross-site request to forge
            .WithTags("Integration");

        api.MapPost("/cases", RegisterAsync)
            .WithName("RegisterCase").WithSummary("Registrér en sag (samme kontrol som klageformularen)")
            .WithMetadata(new RequiredScope(IntegrationScopes.CasesWrite))
            .Produces<CaseRegistered>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        api.MapGet("/cases/{number}", ReadStatusAsync)
            .WithName("ReadCaseStatus").WithSummary("Læs en sags status, frister og udfald (ingen personoplysninger)")
            .WithMetadata(new RequiredScope(IntegrationScopes.CasesRead))
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/extracts", UploadExtractAsync)
            .WithName("UploadExtract").WithSummary("Indsend et udtræk til statistikken (samme import som siden); svarer med et job")
            .WithMetadata(new RequiredScope(IntegrationScopes.ExtractsWrite), new RequestSizeLimitAttribute(MaxExtractBytes + Uploads.UploadLimitsAttribute.FormOverheadBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxExtractBytes + Uploads.UploadLimitsAttribute.FormOverheadBytes)
            .Produces<ExtractJobAccepted>(202).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        api.MapGet("/extracts/jobs/{id:guid}", ReadJobAsync)
            .WithName("ReadExtractJob").WithSummary("Følg et importjob, som klienten selv har startet")
            .WithMetadata(new RequiredScope(IntegrationScopes.ExtractsWrite))
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, CaseRegistration registration, TilsynDbContext db, AccessLog accessLog, TimeProvider clock, CancellationToken ct)
    {
        var clientId = IntegrationClaims.Client(http.User)!.Value;
        CaseRegistrationRequest? request;
        try { request = await http.Request.ReadFromJsonAsync<CaseRegistrationRequest>(Json, ct); }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Indholdet er ikke gyldig JSON med sagens felter."] }, title: "Ugyldig anmodning");
        }
        if (request is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Indholdet mangler."] }, title: "Ugyldig anmodning");

        var idempotencyKey = http.Request.Headers[IdempotencyHeader].ToString();
        if (idempotencyKey.Length > IdempotencyRecord.KeyMaxLength || idempotencyKey.Any(c => c < 0x21 || c > 0x7e))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyHeader] = [$"Idempotency-Key skal være højst {IdempotencyRecord.KeyMaxLength} synlige ASCII-tegn."] }, title: "Ugyldig anmodning");
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, Json)));
        if (idempotencyKey.Length > 0 && await ReplayAsync(http, db, accessLog, clientId, idempotencyKey, requestHash, ct) is { } replay)
            return replay;

        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message) => (errors.TryGetValue(field, out var l) ? l : errors[field] = []).Add(message);
        var type = ParseEnum<CaseType>(request.Type, CaseType.Complaint, "type", Error);
        var channel = ParseEnum<Channel>(request.Channel, null, "channel", Error);
        int? administrationId = null;
        if (!string.IsNullOrWhiteSpace(request.Administration))
        {
            var code = request.Administration.Trim();
            administrationId = await db.Administrations.Where(a => a.Code == code).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (administrationId is null) Error("administration", $"Forvaltningen med koden '{Shorten(code, 20)}' findes ikke.");
        }
        var form = new IntakeForm
        {
            Name = request.Name ?? "", Email = request.Email, Phone = request.Phone, Address = request.Address, Cpr = request.Cpr,
            AdministrationId = administrationId, Subject = request.Subject ?? "", Description = request.Description ?? "",
            Type = type ?? CaseType.Complaint, Channel = channel ?? Channel.Letter,
        };
        var actor = new Actor(null, IntegrationClaims.ActorName(http.User)!);
        RegistrationResult? result = null;
        if (errors.Count == 0)
        {
            try
            {
                result = await registration.RegisterAsync(form, [], actor, ct, idempotencyKey.Length == 0 ? null : c => db.Add(new IdempotencyRecord
                {
                    ClientId = clientId, Key = idempotencyKey, RequestHash = requestHash, CaseNumber = c.Number, CreatedAt = clock.GetUtcNow(),
                }));
            }
            catch (DbUpdateException) when (idempotencyKey.Length > 0)
            {
                // A retry raced its original and lost at the unique index: answer with the original's case.
                db.ChangeTracker.Clear();
                return await ReplayAsync(http, db, accessLog, clientId, idempotencyKey, requestHash, ct)
                    ?? TypedResults.Problem(statusCode: 409, title: "Anmodningen behandles allerede", detail: "En anmodning med samme Idempotency-Key er i gang; prøv igen om lidt.");
            }
            if (!result.Succeeded)
                foreach (var e in result.FieldErrors) Error(FieldNames.GetValueOrDefault(e.Field, "body"), e.Message);
        }
        if (errors.Count > 0 || result is not { Succeeded: true })
        {
            // Field names only: the values may be personal data.
            await accessLog.WriteAsync(AccessAction.ApiCall, null, $"API-kald: registrering afvist, ugyldige felter: {string.Join(", ", errors.Keys)}", ct);
            IntegrationCallFilter.MarkLogged(http);
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "Sagen er ikke registreret",
                detail: "Et eller flere felter er ikke udfyldt korrekt; intet er gemt.");
        }
        await CleanUpIdempotencyAsync(db, clock, ct);
        IntegrationCallFilter.MarkLogged(http); // the registration wrote the case's Create line, as the form does
        var c = result.Case!;
        return TypedResults.Created($"{Prefix}/cases/{c.Number}", new CaseRegistered(c.Number, Camel(c.Status), c.ReceivedAt, c.FirstAnswerDue));
    }

    private static async Task<IResult?> ReplayAsync(HttpContext http, TilsynDbContext db, AccessLog accessLog, int clientId, string key, string requestHash, CancellationToken ct)
    {
        var earlier = await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ClientId == clientId && r.Key == key, ct);
        if (earlier is null) return null;
        IntegrationCallFilter.MarkLogged(http);
        if (earlier.RequestHash != requestHash)
        {
            await accessLog.WriteAsync(AccessAction.ApiCall, null, "API-kald: registrering afvist, Idempotency-Key er brugt til en anden anmodning", ct);
            return TypedResults.Problem(statusCode: 422, title: "Idempotency-Key er allerede brugt",
                detail: "Nøglen er brugt til en anden anmodning. Brug en ny nøgle til en ny sag.");
        }
        var c = await db.Cases.AsNoTracking().Where(x => x.Number == earlier.CaseNumber)
            .Select(x => new { x.Number, x.Status, x.ReceivedAt, x.FirstAnswerDue }).FirstAsync(ct);
        await accessLog.WriteAsync(AccessAction.ApiCall, c.Number, "API-kald: gentaget registrering (samme Idempotency-Key); sagen er ikke registreret igen", ct);
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created($"{Prefix}/cases/{c.Number}", new CaseRegistered(c.Number, Camel(c.Status), c.ReceivedAt, c.FirstAnswerDue));
    }

    /// <summary>Keys older than <see cref="IdempotencyRecord.Lifetime"/> are forgotten (a retry comes within minutes, not weeks).</summary>
    private static Task CleanUpIdempotencyAsync(TilsynDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - IdempotencyRecord.Lifetime;
        return db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }

    private static async Task<IResult> ReadStatusAsync(string number, HttpContext http, TilsynDbContext db, AccessLog accessLog, TimeProvider clock, CancellationToken ct)
    {
        var c = number.Length > 12 ? null
            : await db.Cases.AsNoTracking().Where(CaseRegisters.AdvisorsOwn).Include(x => x.StatementRequests).FirstOrDefaultAsync(x => x.Number == number, ct);
        if (c is null)
            return TypedResults.Problem(statusCode: 404, title: "Sagen findes ikke", detail: "Der er ingen sag med det nummer.");
        var administration = c.AdministrationId is { } a
            ? await db.Administrations.AsNoTracking().Where(x => x.Id == a).Select(x => new AdministrationRef(x.Code, x.Name)).FirstOrDefaultAsync(ct)
            : null;
        var today = clock.Today();
        var deadlines = CaseDeadlines.Open(c).Select(d => new DeadlineView(Camel(d.Kind), CaseDeadlines.Name(d.Kind), d.Due, d.IsOverdue(today))).ToList();
        await accessLog.WriteAsync(AccessAction.View, c.Number, "API-kald: sagens status læst", ct);
        IntegrationCallFilter.MarkLogged(http);
        return TypedResults.Ok(new CaseStatusView(c.Number, Camel(c.Type), CaseTexts.Name(c.Type), Camel(c.Status), CaseWorkflow.Name(c.Status), c.ReceivedAt,
            administration, c.FirstAnswerDue, c.FirstAnsweredAt, deadlines, c.ConcludedAt, c.ClosedAt,
            c.Outcome is { } o ? Camel(o) : null, c.Outcome is { } t ? CaseTexts.Name(t) : null));
    }

    private static async Task<IResult> UploadExtractAsync(HttpContext http, TilsynDbContext db, IntegrationExtractJobs jobs, AccessLog accessLog, CancellationToken ct)
    {
        var clientId = IntegrationClaims.Client(http.User)!.Value;
        var errors = new Dictionary<string, string[]>();
        if (!http.Request.HasFormContentType)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send udtrækket som multipart/form-data med feltet 'file'."] }, title: "Ugyldig anmodning");
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        string? source = form["source"].ToString().Trim() is { Length: > 0 } s ? s : null;
        var columns = form["columns"].ToString() is { Length: > 0 } col ? col : null;
        if (file is null || file.Length == 0) errors["file"] = ["Vedlæg udtrækket i feltet 'file'."];
        if (source is null) errors["source"] = ["Feltet 'source' (kildesystem) skal udfyldes."];
        else if (source.Length > 100) errors["source"] = ["Feltet 'source' må højst være 100 tegn."];
        var from = ParseDate(form["from"], "from", errors);
        var to = ParseDate(form["to"], "to", errors);
        if (from is { } f && to is { } t && t < f) errors["to"] = ["Perioden slutter før den begynder."];
        var policy = form["policy"].ToString().Trim().ToLowerInvariant() switch
        {
            "" or "reject" or "rejectfile" => ErrorPolicy.RejectFile,
            "quarantine" or "quarantinebadrows" => ErrorPolicy.QuarantineBadRows,
            _ => (ErrorPolicy?)null,
        };
        if (policy is null) errors["policy"] = ["Feltet 'policy' skal være 'reject' eller 'quarantine'."];
        // As on the page: a source's column names are given once, later uploads reuse its last mapping.
        if (columns is null && source is not null && source.Length <= 100)
            columns = await db.Extracts.Where(x => x.Source == source && x.ColumnMapping != null)
                .OrderByDescending(x => x.ImportedAt).Select(x => x.ColumnMapping).FirstOrDefaultAsync(ct);
        var (map, mapErrors) = ColumnMap.Parse(columns);
        if (mapErrors.Count > 0) errors["columns"] = [.. mapErrors];
        if (errors.Count > 0)
        {
            await accessLog.WriteAsync(AccessAction.ApiCall, null, $"API-kald: udtræk afvist, ugyldige felter: {string.Join(", ", errors.Keys)}", ct);
            IntegrationCallFilter.MarkLogged(http);
            return TypedResults.ValidationProblem(errors, title: "Udtrækket er ikke modtaget", detail: "Et eller flere felter er ikke udfyldt korrekt; intet er gemt.");
        }

        var spool = Path.Combine(Path.GetTempPath(), $"tilsyn-extract-{Guid.NewGuid():N}.csv");
        await using (var target = File.Create(spool))
            await file!.CopyToAsync(target, ct);
        var request = new ImportRequest(source!, from!.Value, to!.Value, policy!.Value, map!, Path.GetFileName(file.FileName), IntegrationClaims.ActorName(http.User)!, columns);
        var job = await jobs.StartAsync(clientId, spool, request, ct);
        await accessLog.WriteAsync(AccessAction.ApiCall, null, $"API-kald: udtræk indsendt (kilde {source}, {from:yyyy-MM-dd}–{to:yyyy-MM-dd}), job {job.Id}", ct);
        IntegrationCallFilter.MarkLogged(http);
        return TypedResults.Accepted($"{Prefix}/extracts/jobs/{job.Id}", new ExtractJobAccepted(job.Id, Camel(job.State)));
    }

    private static async Task<IResult> ReadJobAsync(Guid id, HttpContext http, IntegrationExtractJobs jobs, CancellationToken ct)
    {
        var clientId = IntegrationClaims.Client(http.User)!.Value;
        if (await jobs.FindAsync(id, clientId, ct) is not var (job, progress))
            return TypedResults.Problem(statusCode: 404, title: "Jobbet findes ikke", detail: "Der er intet importjob med det id, som denne klient har startet.");
        return TypedResults.Ok(new ExtractJobView(job.Id, Camel(job.State), progress, job.FileName, job.Source, job.StartedAt, job.FinishedAt,
            IntegrationExtractJobs.ReportOf(job), job.Failure));
    }

    private static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors[field] = [$"Feltet '{field}' skal udfyldes (ÅÅÅÅ-MM-DD)."]; return null; }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors[field] = [$"Feltet '{field}' skal være en dato som ÅÅÅÅ-MM-DD."];
        return null;
    }

    private static T? ParseEnum<T>(string? text, T? fallback, string field, Action<string, string> error) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (fallback is null) error(field, $"Feltet '{field}' skal udfyldes ({string.Join(", ", Enum.GetNames<T>().Select(Camel))}).");
            return fallback;
        }
        // Names only: Enum.TryParse would also take any number.
        var match = Enum.GetValues<T>().Where(v => string.Equals(v.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase)).Select(v => (T?)v).FirstOrDefault();
        if (match is null) error(field, $"Feltet '{field}' skal være en af: {string.Join(", ", Enum.GetNames<T>().Select(Camel))}.");
        return match;
    }

    private static string Camel<T>(T value) where T : struct, Enum => Camel(value.ToString());
    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
    private static string Shorten(string s, int max) => s.Length > max ? s[..max] + "…" : s;
}
