//! Geometry of the report's charts, computed here so it is tested without a browser: where each
//! dimension's point lies on the radar, where a gap bar starts and ends, the points of a trend
//! line, and where a score lies on a before-and-after scale. Coordinates are in an SVG view box
//! the caller chooses; nothing here draws.

use std::f64::consts::PI;

/// A point in the chart's view box (y grows downwards, as in SVG).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// The angle of axis `index` of `count`: the first points straight up, the rest follow
/// clockwise at equal angles.
#[must_use]
pub fn axis_angle(index: usize, count: usize) -> f64 {
    -PI / 2.0 + 2.0 * PI * index as f64 / count.max(1) as f64
}

/// The point for a score (0–100) on axis `index` of `count`, around `center` with `radius` for
/// 100. A missing score sits at the centre, as 0 would; the chart's table says "not assessed".
#[must_use]
pub fn radar_point(
    value: Option<f64>,
    index: usize,
    count: usize,
    center: Point,
    radius: f64,
) -> Point {
    let length = radius * value.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0;
    let angle = axis_angle(index, count);
    Point {
        x: center.x + length * angle.cos(),
        y: center.y + length * angle.sin(),
    }
}

/// The outline of a set of scores, one point per dimension in bank order.
#[must_use]
pub fn radar_polygon(values: &[Option<f64>], center: Point, radius: f64) -> Vec<Point> {
    values
        .iter()
        .enumerate()
        .map(|(index, &value)| radar_point(value, index, values.len(), center, radius))
        .collect()
}

/// Points as an SVG `points` attribute, to a tenth of a unit.
#[must_use]
pub fn svg_points(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A horizontal bar drawn from `x` for `width`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub width: f64,
}

/// A bar of a diverging chart: a signed `value` on a scale of ±`max`, drawn from the middle line
/// at `middle`, to the right for a positive value and to the left for a negative one, at most
/// `half_width` long.
#[must_use]
pub fn diverging_bar(value: f64, max: f64, middle: f64, half_width: f64) -> Bar {
    let length = half_width * (value / max.max(f64::EPSILON)).clamp(-1.0, 1.0);
    if length >= 0.0 {
        Bar {
            x: middle,
            width: length,
        }
    } else {
        Bar {
            x: middle + length,
            width: -length,
        }
    }
}

/// A trend line through scores (0–100) in a `width` × `height` box, evenly spaced from left to
/// right, 100 at the top.
#[must_use]
pub fn trend_line(values: &[f64], width: f64, height: f64) -> Vec<Point> {
    let step = if values.len() > 1 {
        width / (values.len() - 1) as f64
    } else {
        0.0
    };
    values
        .iter()
        .enumerate()
        .map(|(index, value)| Point {
            x: step * index as f64,
            y: height * (1.0 - value.clamp(0.0, 100.0) / 100.0),
        })
        .collect()
}

/// Where a score (0–100) lies on a horizontal scale from `left` that is `width` long: the
/// before and after marks of the "After discussion" chart. Out-of-range scores stay on the scale.
#[must_use]
pub fn on_scale(value: f64, left: f64, width: f64) -> f64 {
    left + width * value.clamp(0.0, 100.0) / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::float_cmp)] // Quarter points of the scale are exact in binary.
    fn scores_lie_on_the_scale_in_proportion_and_never_off_it() {
        assert_eq!(on_scale(0.0, 200.0, 400.0), 200.0);
        assert_eq!(on_scale(25.0, 200.0, 400.0), 300.0);
        assert_eq!(on_scale(100.0, 200.0, 400.0), 600.0);
        assert_eq!(on_scale(-5.0, 200.0, 400.0), 200.0);
        assert_eq!(on_scale(250.0, 200.0, 400.0), 600.0);
    }

    const CENTER: Point = Point { x: 100.0, y: 100.0 };

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn radar_points_lie_on_their_axes_at_the_distance_of_their_score() {
        let points = radar_polygon(&[Some(100.0), Some(50.0), Some(25.0), None], CENTER, 80.0);
        // Four axes: up, right, down, left.
        assert!(
            close(points[0], Point { x: 100.0, y: 20.0 }),
            "{:?}",
            points[0]
        );
        assert!(
            close(points[1], Point { x: 140.0, y: 100.0 }),
            "{:?}",
            points[1]
        );
        assert!(
            close(points[2], Point { x: 100.0, y: 120.0 }),
            "{:?}",
            points[2]
        );
        assert!(
            close(points[3], CENTER),
            "a missing score sits at the centre"
        );
    }

    #[test]
    fn eight_axes_are_forty_five_degrees_apart() {
        let point = radar_point(Some(100.0), 1, 8, CENTER, 100.0);
        let side = 100.0 * (PI / 4.0).sin();
        assert!(
            close(
                point,
                Point {
                    x: 100.0 + side,
                    y: 100.0 - side
                }
            ),
            "{point:?}"
        );
    }

    #[test]
    fn svg_points_are_written_to_a_tenth() {
        let points = [Point { x: 1.04, y: 2.0 }, Point { x: 3.0, y: 4.56 }];
        assert_eq!(svg_points(&points), "1.0,2.0 3.0,4.6");
    }

    #[test]
    fn diverging_bars_grow_from_the_middle_either_way_and_stop_at_the_edge() {
        assert_eq!(
            diverging_bar(25.0, 50.0, 150.0, 100.0),
            Bar {
                x: 150.0,
                width: 50.0
            }
        );
        assert_eq!(
            diverging_bar(-25.0, 50.0, 150.0, 100.0),
            Bar {
                x: 100.0,
                width: 50.0
            }
        );
        assert_eq!(
            diverging_bar(80.0, 50.0, 150.0, 100.0),
            Bar {
                x: 150.0,
                width: 100.0
            }
        );
        assert_eq!(
            diverging_bar(0.0, 50.0, 150.0, 100.0),
            Bar {
                x: 150.0,
                width: 0.0
            }
        );
    }

    #[test]
    fn a_trend_line_spans_the_box_with_higher_scores_higher_up() {
        let line = trend_line(&[0.0, 50.0, 100.0], 60.0, 20.0);
        assert_eq!(
            line,
            [
                Point { x: 0.0, y: 20.0 },
                Point { x: 30.0, y: 10.0 },
                Point { x: 60.0, y: 0.0 }
            ]
        );
    }
}
