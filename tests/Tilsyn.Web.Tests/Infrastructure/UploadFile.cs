namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>A file posted with a form (<see cref="HttpClientExtensions.PostFilesAsync"/>): its form field, its name, its bytes and type.</summary>
public sealed record UploadFile(string Field, string FileName, byte[] Content, string ContentType = "application/octet-stream");
