enum _PlaceholderIntake {}
