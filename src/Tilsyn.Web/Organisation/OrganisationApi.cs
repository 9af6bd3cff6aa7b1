using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tilsyn.Web.Organisation;

/// <summary><c>/api/organisation</c>: the administrations, their unit trees and KLE subjects, read-only.</summary>
public static class OrganisationApi
{
    public sealed record AdministrationDetail(int Id, string Code, string Name, string? Committee, IReadOnlyList<UnitNode> Units);
    public sealed record KleRowDto(string Code, int Level, string? ParentCode, string Title, bool IsRetired);

    public static void MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisation").WithTags("Organisation");

        group.MapGet("/administrations", async (ClaimsPrincipal user, OrganisationQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.AdministrationsAsync(user, ct)))
            .WithSummary("Forvaltninger, som brugeren må se");

        group.MapGet("/administrations/{code}", async Task<Results<Ok<AdministrationDetail>, NotFound>> (string code, ClaimsPrincipal user, OrganisationQueries q, CancellationToken ct) =>
        {
            var admin = await q.AdministrationAsync(user, code, ct);
            if (admin is null) return TypedResults.NotFound();
            return TypedResults.Ok(new AdministrationDetail(admin.Id, admin.Code, admin.Name, admin.Committee, await q.UnitsAsync(admin.Id, ct)));
        })
            .WithSummary("En forvaltning med områder og enheder");

        group.MapGet("/kle", async (string? q, TilsynDbContext db, CancellationToken ct) =>
        {
            var query = db.KleSubjects.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(q))
                query = query.Where(k => k.Code.StartsWith(q) || k.Title.Contains(q));
            return TypedResults.Ok(await query.OrderBy(k => k.Code).Take(500)
                .Select(k => new KleRowDto(k.Code, k.Level, k.ParentCode, k.Title, k.IsRetired)).ToListAsync(ct));
        })
            .WithSummary("KLE-emner (højst 500; filtrér med q)");
    }
}
