// Namespaces most files of the host use: EF Core, Razor Pages, the domain's common types and
// identity rules, and the host's data and identity parts.
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using Tilsyn.Common;
global using Tilsyn.Identity;
global using Tilsyn.Web.Common;
global using Tilsyn.Web.Data;
global using Tilsyn.Web.Identity;
