enum _PlaceholderJudge {}
