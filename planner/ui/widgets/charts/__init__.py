"""Charts of change drawn with QPainter: each chart's geometry is a plain function of
its data and a box (the ``*_layout`` modules, no Qt), and its widget paints it."""
