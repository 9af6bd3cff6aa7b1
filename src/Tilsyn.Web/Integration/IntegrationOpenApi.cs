using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tilsyn.Integration;

namespace Tilsyn.Web.Integration;

/// <summary>
/// The integration API in the OpenAPI document (<c>/openapi/v1.json</c>): two security schemes, OAuth 2.0 client
/// credentials (<c>oauth2</c>, with Tilsyn's scopes and the token URL from <c>Authentication:Api:TokenUrl</c>)
/// and the API key (<c>apiKey</c>, header <c>X-Api-Key</c>), and on each integration operation a requirement of
/// either, naming the operation's scope.
/// </summary>
public static class IntegrationOpenApi
{
    public const string OAuthScheme = "oauth2";
    public const string KeyScheme = "apiKey";

    public static void Configure(OpenApiOptions options, ApiAuthOptions auth)
    {
        // The bodies are read by the handlers themselves (after authentication, so a call without a token is 401
        // whatever it sends, never 415 or a binding error); they are described here.
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            if (operation.OperationId == "RegisterCase")
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(CaseRegistrationRequest), null, ct) } },
                };
            else if (operation.OperationId == "UploadExtract")
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["multipart/form-data"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Required = new HashSet<string> { "file", "source", "from", "to" },
                                Properties = new Dictionary<string, IOpenApiSchema>
                                {
                                    ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Udtrækket (CSV, UTF-8, ; eller ,)" },
                                    ["source"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Kildesystem, fx SBSYS" },
                                    ["from"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                                    ["to"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                                    ["policy"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "reject (standard) eller quarantine" },
                                    ["columns"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Kolonnenavne, fx Opened=Dato oprettet (én pr. linje)" },
                                },
                            },
                        },
                    },
                };
        });
        options.AddDocumentTransformer((document, context, ct) => Describe(document, auth));
    }

    private static Task Describe(OpenApiDocument document, ApiAuthOptions auth)
    {
        var scopes = IntegrationScopes.All.ToDictionary(s => s, IntegrationScopes.Describe);
        var tokenUrl = !string.IsNullOrWhiteSpace(auth.TokenUrl) ? auth.TokenUrl
            : !string.IsNullOrWhiteSpace(auth.Authority) ? auth.Authority.TrimEnd('/') + "/oauth2/v2.0/token"
            : "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";
        document.AddComponent<IOpenApiSecurityScheme>(OAuthScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Adgangstoken (JWT) fra kommunens identitetsudbyder med OAuth 2.0 client credentials. Klienten skal også være registreret i Tilsyn (Integration → Klienter) med de samme rettigheder.",
            Flows = new OpenApiOAuthFlows { ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri(tokenUrl, UriKind.RelativeOrAbsolute), Scopes = scopes } },
        });
        document.AddComponent<IOpenApiSecurityScheme>(KeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = IntegrationAuth.KeyHeader,
            Description = "API-nøgle fra Tilsyn (vises én gang, når kontorchefen laver den); også som 'Authorization: ApiKey <nøgle>'. Nøglens rettigheder er klientens registrerede.",
        });
        foreach (var path in document.Paths.Values)
            foreach (var operation in path.Operations?.Values.ToList() ?? [])
            {
                if (operation.OperationId is not { } id || !OperationScopes.TryGetValue(id, out var scope)) continue;
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuthScheme, document)] = [scope] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [scope] });
                operation.Description = $"Kræver rettigheden (scope) `{scope}`: {IntegrationScopes.Describe(scope)}.";
            }
        return Task.CompletedTask;
    }

    /// <summary>The integration operations (by their names in <see cref="IntegrationApi"/>) and the scope each needs.</summary>
    public static readonly IReadOnlyDictionary<string, string> OperationScopes = new Dictionary<string, string>
    {
        ["RegisterCase"] = IntegrationScopes.CasesWrite,
        ["ReadCaseStatus"] = IntegrationScopes.CasesRead,
        ["UploadExtract"] = IntegrationScopes.ExtractsWrite,
        ["ReadExtractJob"] = IntegrationScopes.ExtractsWrite,
    };
}
