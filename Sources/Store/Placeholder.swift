enum _PlaceholderStore {}
