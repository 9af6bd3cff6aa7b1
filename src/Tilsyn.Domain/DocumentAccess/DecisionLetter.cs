namespace Tilsyn.DocumentAccess;

/// <summary>
/// The text of the decision letter on an <i>aktindsigt</i> (<i>afgørelse om aktindsigt</i>): what is
/// decided, the rules a refusal rests on with what they cover (FVL § 22–24: reasons and legal
/// basis), and, when anything is withheld, the complaint guidance (<i>klagevejledning</i>, FVL § 25):
/// the complaint goes to the advisor, who reconsiders it and, if the decision stands, sends it to
/// Ankestyrelsen (the municipal supervisory authority) within 7 working days (OFL § 37, stk. 2).
/// </summary>
public static class DecisionLetter
{
    public static (string Title, string Body) Compose(DocumentAccessRequest request, string citizenName)
    {
        var decision = request.Decision ?? throw new DomainException("Der er endnu ikke truffet afgørelse.");
        var released = request.Items.Where(i => i.IsReleased).ToList();
        var withheld = request.Items.Count(i => i.Withheld);
        var redacted = released.Count(i => i.IsRedacted);
        var cases = string.Join(", ", request.Cases);
        var lines = new List<string>
        {
            $"Kære {citizenName}",
            "",
            $"Du har bedt om aktindsigt i sag {cases}. Vi har behandlet din anmodning efter offentlighedsloven.",
            "",
        };
        switch (decision)
        {
            case AccessDecision.Granted:
                lines.Add($"Du får aktindsigt i de {released.Count} dokumenter, du har bedt om. De er vedlagt som én PDF-fil.");
                break;
            case AccessDecision.PartlyGranted:
                lines.Add($"Du får delvis aktindsigt. Vi udleverer {released.Count} dokumenter" +
                    (redacted > 0 ? $", heraf {redacted} med overstregede oplysninger (markeret [undtaget])" : "") + "." +
                    (withheld > 0 ? $" {withheld} dokumenter er undtaget fra aktindsigt og er opført på listen i PDF-filen." : "") +
                    " Dokumenterne er vedlagt som én PDF-fil.");
                break;
            case AccessDecision.Refused:
                lines.Add("Du får ikke aktindsigt i de dokumenter, du har bedt om.");
                break;
        }
        var grounds = request.Grounds;
        if (grounds.Count > 0)
        {
            lines.Add("");
            lines.Add("Begrundelse:");
            foreach (var g in grounds)
                lines.Add($"Efter {g.Rule()} omfatter retten til aktindsigt ikke {g.Description()}.");
        }
        if (decision != AccessDecision.Granted)
        {
            lines.Add("");
            lines.Add("Klagevejledning:");
            lines.Add("Du kan klage over afgørelsen. Send klagen til Borgerrådgiveren. Vi vurderer sagen igen, og fastholder vi afgørelsen, " +
                "sender vi din klage og sagens dokumenter til Ankestyrelsen, der fører tilsyn med kommunen, senest 7 arbejdsdage efter, " +
                "at vi har modtaget klagen (offentlighedslovens § 37, stk. 2).");
        }
        lines.Add("");
        lines.Add("Med venlig hilsen");
        lines.Add("Borgerrådgiveren");
        return ($"{decision.Name()} – sag {cases}", string.Join("\n", lines));
    }
}
