// What nearly every HTTP and browser test uses.
global using System.Net;
global using Microsoft.EntityFrameworkCore;
global using Tilsyn.Web.Tests.Infrastructure;
