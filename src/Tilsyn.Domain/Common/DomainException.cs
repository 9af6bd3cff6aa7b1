namespace Tilsyn.Common;

/// <summary>
/// A broken business rule. The message is Danish and written for the user who caused it,
/// so pages and the API can show it as it is.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
