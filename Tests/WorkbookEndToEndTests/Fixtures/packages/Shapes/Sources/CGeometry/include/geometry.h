#ifndef GEOMETRY_H
#define GEOMETRY_H

/// The area of a square of side `side`.
double cg_square_area(double side);

#endif
