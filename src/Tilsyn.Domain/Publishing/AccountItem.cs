namespace Tilsyn.Publishing;

/// <summary>What an administration has done and plans (<i>gjort, planlagt</i>) for one recommendation of the report.</summary>
public sealed record AccountItem(int RecommendationId, string Done, string Planned);
