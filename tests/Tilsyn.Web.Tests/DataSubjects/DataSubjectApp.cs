using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tilsyn.Complaints;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Retention;

namespace Tilsyn.Web.Tests.DataSubjects;

/// <summary>
/// The application with a fake <see cref="ICaseErasure"/> (the deletion itself is the retention
/// feature's): it records what it was asked to erase and reports the cases in <see cref="FakeErasure.OnHold"/> as held.
/// </summary>
public sealed class DataSubjectApp : DataSubjectAppBase
{
    public FakeErasure Erasure { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ICaseErasure>();
            services.AddSingleton<ICaseErasure>(Erasure);
        });
    }
}

/// <summary>The application with the real erasure (the retention run's deletion).</summary>
public sealed class RealErasureApp : DataSubjectAppBase;

/// <summary>The application for data subjects' requests, with a helper that registers a case as staff would.</summary>
public abstract class DataSubjectAppBase : TilsynApp
{

    /// <summary>Registers a case through the real registration (CPR encrypted, lookup hash, receipt), as staff would.</summary>
    public async Task<ComplaintCase> RegisterAsync(CaseType type, string name, string? email = null, string? phone = null, string? cpr = null, string? address = null, string? description = null)
    {
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CaseRegistration>().RegisterAsync(new IntakeForm
        {
            Type = type, Channel = Channel.Email, Name = name, Email = email, Phone = phone, Cpr = cpr, Address = address ?? "Testvej 1\n2300 København S",
            Subject = CaseTexts.Name(type), Description = description ?? "Jeg henvender mig om min sag.",
        }, [], new Actor(null, "Test"), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Case!;
    }
}

public sealed class FakeErasure : ICaseErasure
{
    public List<int> OnHold { get; } = [];
    public List<(IReadOnlyCollection<int> Ids, string Reason)> Calls { get; } = [];

    public Task<ErasureOutcome> EraseAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct)
    {
        lock (Calls) Calls.Add((caseIds.ToList(), reason));
        return Task.FromResult(new ErasureOutcome(caseIds.Where(id => !OnHold.Contains(id)).ToList(), caseIds.Where(OnHold.Contains).ToList()));
    }
}
