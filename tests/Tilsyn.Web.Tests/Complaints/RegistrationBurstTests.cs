namespace Tilsyn.Web.Tests.Complaints;

/// <summary>Many citizens at once: every complaint is stored with its own number, none is lost.</summary>
public sealed class RegistrationBurstTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public async Task Two_hundred_complaints_from_forty_clients_at_once_are_all_stored_with_distinct_numbers()
    {
        const int complaints = 200, clients = 40;
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var browsers = Enumerable.Range(0, clients).Select(_ => app.NewClient()).ToList(); // the app starts once, before the burst
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (c, _) =>
        {
            var client = browsers[c];
            for (var i = c; i < complaints; i += clients)
            {
                var response = await ComplaintForms.SubmitAsync(client, ComplaintForms.ValidComplaint(name: $"Borger {i}", email: $"borger{i}@borger.example"));
                statuses.Add(response.StatusCode);
            }
        });

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        var numbers = await app.WithDbAsync(db => db.Cases.Where(x => x.Citizen!.Email!.EndsWith("@borger.example") && x.Citizen.Name.StartsWith("Borger ")).Select(x => x.Number).ToListAsync());
        Assert.Equal(complaints, numbers.Count);
        Assert.Equal(complaints, numbers.Distinct().Count());
    }
}
