namespace OrganBot.Dialogs.Feedback;

/// <summary>The member's rating of a resolved ticket.</summary>
public enum SatisfactionRating { Satisfied, BasicallySatisfied, Dissatisfied }
