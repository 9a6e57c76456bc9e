"""The moderators' inbox: one list over the submissions of every moderated form page, a detail view
with the actions of the submission's policy and the official response, bulk decisions, attachment
downloads and CSV/XLSX export."""
