#include "geometry.h"

double cg_square_area(double side) {
    return side * side;
}
