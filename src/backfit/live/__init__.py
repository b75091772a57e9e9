"""What drives a real terminal through a guided session: keys, screens, sound, the
questions around it, and the run that writes the journal. Above `views/` and `journal/`;
the pure session model it drives is in `backfit.session`."""
