namespace Tilsyn.Web.Identity;

/// <summary>
/// Failed logins of one account from one address (<see cref="LoginBackOff.AddressKey"/>), and until
/// when that address is blocked for the account. The rule is <see cref="LoginBackOff"/>.
/// </summary>
public sealed class LoginThrottle
{
    public string UserId { get; private set; } = "";
    public string AddressKey { get; private set; } = "";
    public int Failures { get; private set; }
    public DateTimeOffset? LastFailureAt { get; private set; }
    public DateTimeOffset? BlockedUntil { get; private set; }

    private LoginThrottle() { }

    public LoginThrottle(string userId, string addressKey)
    {
        UserId = userId;
        AddressKey = addressKey;
    }

    public bool IsBlocked(DateTimeOffset now) => BlockedUntil is { } until && until > now;

    /// <summary>Counts a failure (also one made while blocked: an address that keeps guessing keeps itself out longer).</summary>
    public void Fail(DateTimeOffset now)
    {
        Failures = LoginBackOff.FailuresSoFar(Failures, LastFailureAt, now) + 1;
        LastFailureAt = now;
        var block = LoginBackOff.BlockAfter(Failures);
        if (block > TimeSpan.Zero) BlockedUntil = now + block;
    }
}
