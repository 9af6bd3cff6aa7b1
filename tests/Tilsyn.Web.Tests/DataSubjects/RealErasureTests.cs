using Tilsyn.Complaints;
using Tilsyn.Retention;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Retention;

namespace Tilsyn.Web.Tests.DataSubjects;

/// <summary>A granted erasure request through the page and the real deletion (no fake): the chosen case becomes a stub, a held case is left alone.</summary>
public sealed class RealErasureTests(RealErasureApp app) : IClassFixture<RealErasureApp>
{
    [Fact]
    public async Task A_granted_erasure_deletes_the_persons_case_with_the_retention_runs_deletion_and_leaves_a_held_case_alone()
    {
        var complaint = await app.RegisterAsync(CaseType.Complaint, "Oline Sletmigsen", "oline.sletmigsen@example.org", "+45 40 50 60 70", "2902721234",
            description: "Min datter Vibeke Sletmigsen fik afslag.");
        var held = await app.RegisterAsync(CaseType.Inquiry, "Oline Sletmigsen", null, null, "290272-1234");
        var request = await app.RegisterAsync(CaseType.ErasureRequest, "Oline Sletmigsen", null, null, "290272-1234");
        await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.Events).SingleAsync(x => x.Id == held.Id);
            db.Add(LegalHold.Place(c, null, false, "Verserende retssag", app.Clock.GetUtcNow(), new Actor("test", "Test Person")));
            return await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        await client.LoginOkAsync("sagsbehandler");
        var url = $"/RegistreretPerson/Anmodning/{request.Number}";
        var version = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == request.Id).Select(c => c.Version).SingleAsync());

        var response = await client.PostAsync($"{url}?handler=Erase", new FormUrlEncodedContent([
            new("caseIds", $"{complaint.Id}"), new("caseIds", $"{held.Id}"), new("version", $"{version}"),
            new("__RequestVerificationToken", await client.AntiforgeryTokenAsync(url))]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var erased = await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Documents).SingleAsync(c => c.Id == complaint.Id));
        Assert.NotNull(erased.PersonalDataDeletedAt);
        Assert.Null(erased.Citizen);
        Assert.Equal("", erased.Description);
        Assert.All(erased.Documents, d => Assert.True(string.IsNullOrEmpty(d.Text)));
        Assert.Equal(CaseType.Complaint, erased.Type); // the stub keeps what the figures need
        var disposal = await app.WithDbAsync(db => db.Set<CaseDisposal>().SingleAsync(d => d.CaseId == complaint.Id));
        Assert.Equal(DisposalCause.Erasure, disposal.Cause);
        Assert.DoesNotContain("Sletmigsen", disposal.Reason);
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.Action == AccessAction.Erased && a.CaseNumber == complaint.Number && a.UserName != null)));

        var kept = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == held.Id));
        Assert.Null(kept.PersonalDataDeletedAt);
        Assert.Equal("Oline Sletmigsen", kept.Citizen!.Name);
        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == request.Id));
        Assert.True(stored.RequestGranted);
        Assert.Contains($"slettestop: {held.Number}", stored.ConclusionText);
        Assert.NotNull(stored.Citizen); // the request itself is journalised and kept

        // The person search no longer finds the erased case by CPR.
        var search = await client.PostFormAsync("/RegistreretPerson", "/RegistreretPerson?handler=Search", new() { ["Kind"] = "Cpr", ["Value"] = "290272-1234" });
        var html = await search.Content.ReadAsStringAsync();
        Assert.Contains(held.Number, html);
        Assert.DoesNotContain(complaint.Number, html);
    }
}
