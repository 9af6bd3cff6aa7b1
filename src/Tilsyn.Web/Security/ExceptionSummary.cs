namespace Tilsyn.Web.Security;

/// <summary>
/// An exception described for the log without its messages: a message can quote the data being
/// saved (a database error's detail can hold a row), and the form's data is personal. The types
/// and the innermost stack trace say where it failed.
/// </summary>
public static class ExceptionSummary
{
    public static string Of(Exception exception)
    {
        var types = new List<string>();
        var innermost = exception;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            types.Add($"{e.GetType().FullName} (0x{e.HResult:X8})");
            innermost = e;
        }
        return string.Join(" ← ", types) + Environment.NewLine + innermost.StackTrace;
    }

    /// <summary>A failure of the database or a timeout (anywhere in the chain): worth trying again shortly (503).</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is System.Data.Common.DbException or TimeoutException) return true;
        return false;
    }
}
