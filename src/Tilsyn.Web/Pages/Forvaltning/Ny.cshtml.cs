using System.Security.Claims;
using Tilsyn.Complaints;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Forvaltning;

/// <summary>
/// Manual registration of a complaint to the administration in its own register (issue 15): channel, citizen,
/// subject, description and the date it was received. The case gets the next case number and a first-answer
/// deadline in working days, and is then handled on the case page like any case.
/// </summary>
[Authorize(Policy = Policies.AdministrationUsers)]
public sealed class NyModel(CaseRegistration registration, TimeProvider clock) : PageModel
{
    /// <summary>The ways a complaint reaches an administration (the public web form is the advisor's).</summary>
    public static readonly Channel[] Channels = [Channel.Letter, Channel.Email, Channel.Phone, Channel.InPerson, Channel.Internal];

    [BindProperty] public IntakeForm Form { get; set; } = new() { Channel = Channel.Letter };
    [BindProperty] public DateOnly? Received { get; set; }
    public List<RegistrationFieldError> Errors { get; private set; } = [];
    public DateOnly Today => Tilsyn.Calendar.DanishTime.Today(clock);

    public void OnGet() => Received ??= Today;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Scope().AdministrationId is not { } own) return Forbid();
        if (!Channels.Contains(Form.Channel)) Form.Channel = Channel.Letter;
        if (Received is null)
        {
            Errors = [new("Received", "Angiv den dato, klagen er modtaget.")];
            return Page();
        }
        Form.AdministrationId = own;
        var by = new Actor(User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName());
        var result = await registration.RegisterForAdministrationAsync(own, Form, Received.Value, by, ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Klagen er registreret som sag {result.Case!.Number}.";
            return Redirect($"/Cases/{result.Case.Number}");
        }
        Errors = [.. result.FieldErrors];
        return Page();
    }
}
