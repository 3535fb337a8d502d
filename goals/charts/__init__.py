"""The numbers behind the goals timeline: pure calculations over what ``goals.queries``
read. ``shapes`` holds the dimensions and the shapes, ``timeline`` lays them out."""
