using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Data;
using Tilsyn.Web.DataSubjects;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>Stores a case of a citizen with a CPR number as registration does: encrypted, masked, and with its keyed lookup hash.</summary>
public static class CitizenCaseSeed
{
    public static async Task<ComplaintCase> StoreCitizenCaseAsync(this TilsynApp app, string cpr, string name, string subject, Action<ComplaintCase>? steps = null)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var protector = sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(CaseRegistration.CprPurpose);
        var citizen = new Citizen(name, null, null, null, protector.Protect(cpr), $"{cpr[..6]}-xxxx", sp.GetRequiredService<CprLookup>().Hash(cpr));
        var at = app.Clock.GetUtcNow();
        var c = CaseBuilder.ACase().WithCitizen(citizen).About(subject, "Min klage.").ReceivedAt(at).Build();
        c.AddDocument(DocumentKind.Incoming, "Klage fra borger", at, Actor.Citizen, "Min klage.", null, null, null);
        steps?.Invoke(c);
        var db = sp.GetRequiredService<TilsynDbContext>();
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c;
    }
}
