using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
            404 => ("Siden findes ikke", "Siden findes ikke, eller du har ikke adgang til den."),
            _ => (Title, Message),
        };
    }
}
