namespace Tilsyn.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Der opstod en fejl";
    public string Message { get; private set; } = "Prøv igen senere. Fejlen er logget.";

    public void OnGet(int? status) => Describe(status);
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        (Title, Message) = status switch
        {
            400 => ("Forkert forespørgsel", "Forespørgslen kunne ikke behandles. Hvis du sendte en formular, så genindlæs siden og prøv igen."),
            403 => ("Ingen adgang", "Du har ikke adgang til denne side."),
            413 => ("Filerne fylder for meget", HttpContext.Items[Tilsyn.Web.Uploads.UploadLimitsAttribute.RefusedLimitKey] is long limit
                ? $"Det, du sendte, fylder mere end de {Tilsyn.Web.Uploads.UploadLimitsAttribute.Describe(limit)}, siden tager imod. Intet er gemt. Gå tilbage, og vælg færre eller mindre filer."
                : "Det, du sendte, fylder for meget. Intet er gemt. Gå tilbage, og vælg færre eller mindre filer."),
            404 => ("Siden findes ikke", "Siden findes ikke, eller du har ikke adgang til den."),
            429 => ("For mange forespørgsler", "Der er kommet for mange forespørgsler fra din forbindelse på kort tid, så denne er ikke behandlet, og intet af den er gemt. "
                + $"Vent {Wait(HttpContext.Items[Tilsyn.Web.Security.RateLimits.RetryAfterItem] as int?)}, og prøv igen. Gå tilbage til siden; det, du har skrevet, står der måske endnu."),
            503 => ("Tjenesten er ikke tilgængelig lige nu", "Prøv igen om lidt."),
            _ => (Title, Message),
        };
    }

    private static string Wait(int? seconds) => seconds switch
    {
        null or <= 10 => "et øjeblik",
        <= 60 => "et minut",
        _ => $"{(seconds.Value + 59) / 60} minutter",
    };
}
