namespace OrganBot.Dialogs.Feedback;

/// <summary>The two-track handling units: party committee for conduct matters, union/women's federation for livelihood.</summary>
public enum HandlingUnit { PartyCommittee, UnionAndWomen }
