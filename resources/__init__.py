"""The app's data files (frameworks, fonts, icons), shipped inside the package as
``planner.resources`` so every kind of installation finds them the same way."""
