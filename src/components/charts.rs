//! The report's charts as SVG: a radar of dimension scores with Marketing and IT overlaid, the
//! diverging bars of the gap between them, and a small trend line. Geometry comes from
//! `tandem_core::chart`. Every chart has a text alternative and a data table a screen reader can
//! reach, and the series differ by line style and marker as well as colour, so they read in
//! greyscale and for colour-blind readers.

use tandem_core::chart::{self, Point};
use yew::prelude::*;

use crate::setup::use_words;

/// One shape on the radar.
#[derive(Clone, PartialEq)]
pub struct Series {
    pub label: AttrValue,
    /// `overall`, `marketing` or `it`: the CSS class that sets its colour, line and marker.
    pub kind: &'static str,
    /// One score per dimension, in bank order.
    pub values: Vec<Option<f64>>,
}

#[derive(Properties, PartialEq)]
pub struct RadarProps {
    /// Unique on the page; prefixes the ids of the title and description.
    pub id: AttrValue,
    pub dimensions: Vec<AttrValue>,
    pub series: Vec<Series>,
}

const SIZE: f64 = 420.0;
const RADIUS: f64 = 160.0;
const CENTER: Point = Point {
    x: SIZE / 2.0,
    y: SIZE / 2.0,
};

/// The radar chart, its description in words, and its data table.
#[component]
pub fn Radar(props: &RadarProps) -> Html {
    let words = use_words();
    let figure = |value: Option<f64>| {
        value.map_or_else(
            || words.t("chart.not-assessed").to_owned(),
            |value| words.figure(value),
        )
    };
    let count = props.dimensions.len();
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let description = props
        .series
        .iter()
        .map(|series| {
            let values = props
                .dimensions
                .iter()
                .zip(&series.values)
                .map(|(d, v)| format!("{d} {}", figure(*v)))
                .collect::<Vec<_>>()
                .join(", ");
            format!("{}: {values}.", series.label)
        })
        .collect::<Vec<_>>()
        .join(" ");
    let rings = [25.0, 50.0, 75.0, 100.0];
    html! {
        <figure class="chart radar">
            // Room on both sides for the axis labels, which are wider than the chart.
            <svg viewBox={format!("-70 -5 {} {}", SIZE + 140.0, SIZE + 10.0)} role="img" aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id}>{words.t("chart.radar-title")}</title>
                <desc id={desc_id}>{description}</desc>
                for ring in rings {
                    <polygon class="radar-ring" points={chart::svg_points(&chart::radar_polygon(&vec![Some(ring); count], CENTER, RADIUS))} />
                }
                for index in 0..count {
                    {axis(index, count, &props.dimensions[index])}
                }
                // The scale, along the first axis: what each ring stands for.
                for ring in rings {
                    <text class="radar-scale" x={format!("{:.1}", CENTER.x + 4.0)}
                          y={format!("{:.1}", CENTER.y - RADIUS * ring / 100.0 + 12.0)}>{ring.to_string()}</text>
                }
                for series in &props.series {
                    <g class={classes!("radar-series", series.kind)}>
                        <polygon points={chart::svg_points(&chart::radar_polygon(&series.values, CENTER, RADIUS))} />
                        for (index, value) in series.values.iter().enumerate().filter(|(_, v)| v.is_some()) {
                            {marker(series.kind, chart::radar_point(*value, index, count, CENTER, RADIUS))}
                        }
                    </g>
                }
            </svg>
            <figcaption>
                <ul class="chart-legend">
                    for series in &props.series {
                        <li class={classes!("legend", series.kind)}>
                            <svg viewBox="0 0 40 12" class="legend-key" aria-hidden="true">
                                <line x1="2" y1="6" x2="38" y2="6" />
                                {marker(series.kind, Point { x: 20.0, y: 6.0 })}
                            </svg>
                            {series.label.clone()}
                        </li>
                    }
                </ul>
                <details class="chart-data">
                    <summary>{words.t("chart.scores-table")}</summary>
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{words.t("chart.dimension")}</th>
                                for series in &props.series {
                                    <th scope="col">{series.label.clone()}</th>
                                }
                            </tr>
                        </thead>
                        <tbody>
                            for (index, dimension) in props.dimensions.iter().enumerate() {
                                <tr>
                                    <th scope="row">{dimension.clone()}</th>
                                    for series in &props.series {
                                        <td>{figure(series.values.get(index).copied().flatten())}</td>
                                    }
                                </tr>
                            }
                        </tbody>
                    </table>
                </details>
            </figcaption>
        </figure>
    }
}

fn axis(index: usize, count: usize, label: &str) -> Html {
    let end = chart::radar_point(Some(100.0), index, count, CENTER, RADIUS);
    let at = chart::radar_point(Some(112.0), index, count, CENTER, RADIUS);
    let anchor = if (at.x - CENTER.x).abs() < 1.0 {
        "middle"
    } else if at.x > CENTER.x {
        "start"
    } else {
        "end"
    };
    // Long titles wrap onto two lines at the space nearest the middle.
    let lines: Vec<String> = if label.len() <= 18 {
        vec![label.to_owned()]
    } else {
        let middle = label.len() / 2;
        let split = label
            .match_indices(' ')
            .map(|(i, _)| i)
            .min_by_key(|i| i.abs_diff(middle))
            .unwrap_or(label.len());
        vec![label[..split].to_owned(), label[split..].trim().to_owned()]
    };
    let first_dy = if at.y < CENTER.y - 1.0 {
        -(lines.len() as f64 - 1.0) * 14.0
    } else {
        0.0
    };
    html! {
        <>
            <line class="radar-axis" x1={format!("{:.1}", CENTER.x)} y1={format!("{:.1}", CENTER.y)}
                  x2={format!("{:.1}", end.x)} y2={format!("{:.1}", end.y)} />
            <text class="radar-label" x={format!("{:.1}", at.x)} y={format!("{:.1}", at.y + first_dy + 4.0)} text-anchor={anchor}>
                for (n, line) in lines.iter().enumerate() {
                    <tspan x={format!("{:.1}", at.x)} dy={if n == 0 { "0" } else { "14" }}>{line.clone()}</tspan>
                }
            </text>
        </>
    }
}

/// A marker whose shape tells the series apart without colour: a dot for the overall score, a
/// square for Marketing, a triangle for IT.
fn marker(kind: &str, at: Point) -> Html {
    match kind {
        "marketing" => html! {
            <rect class="marker" x={format!("{:.1}", at.x - 4.0)} y={format!("{:.1}", at.y - 4.0)} width="8" height="8" />
        },
        "it" => html! {
            <polygon class="marker" points={chart::svg_points(&[
                Point { x: at.x, y: at.y - 5.0 },
                Point { x: at.x + 5.0, y: at.y + 4.0 },
                Point { x: at.x - 5.0, y: at.y + 4.0 },
            ])} />
        },
        _ => html! {
            <circle class="marker" cx={format!("{:.1}", at.x)} cy={format!("{:.1}", at.y)} r="4" />
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct GapBarsProps {
    pub id: AttrValue,
    pub dimensions: Vec<AttrValue>,
    /// Marketing's view minus IT's per dimension (see `Figures::signed_gap`).
    pub gaps: Vec<Option<f64>>,
    /// What the sides are, for the caption: in a self-assessment one side is an estimate.
    pub note: AttrValue,
    /// The axis's ends: where the bar goes left ("IT higher") and right ("Marketing higher").
    /// For one person one side is their own view and the other their estimate.
    pub left: AttrValue,
    pub right: AttrValue,
}

const BAR_WIDTH: f64 = 680.0;
const LABEL_WIDTH: f64 = 280.0;
const ROW: f64 = 30.0;

/// Diverging bars: to the right where Marketing rates a dimension higher, to the left where IT
/// does, with the signed number beside each bar.
#[component]
pub fn GapBars(props: &GapBarsProps) -> Html {
    let words = use_words();
    // The bars, with room for a label after the longest on either side.
    let half = (BAR_WIDTH - LABEL_WIDTH - 110.0) / 2.0;
    let middle = LABEL_WIDTH + 55.0 + half;
    let height = ROW * props.dimensions.len() as f64 + 30.0;
    let signed = |gap: Option<f64>| {
        gap.map_or_else(
            || words.t("chart.not-available").to_owned(),
            |gap| words.signed(gap),
        )
    };
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let description = props
        .dimensions
        .iter()
        .zip(&props.gaps)
        .map(|(d, g)| format!("{d} {}", signed(*g)))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <figure class="chart gap-bars">
            <svg viewBox={format!("0 0 {BAR_WIDTH} {height}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id}>{words.t("chart.gap-title")}</title>
                <desc id={desc_id}>{format!("{} {description}.", words.t("chart.gap-desc"))}</desc>
                <text class="gap-side" x={format!("{:.1}", middle - 6.0)} y="14" text-anchor="end">{props.left.clone()}</text>
                <text class="gap-side" x={format!("{:.1}", middle + 6.0)} y="14">{props.right.clone()}</text>
                for (index, (dimension, gap)) in props.dimensions.iter().zip(&props.gaps).enumerate() {
                    {gap_row(index, dimension, *gap, middle, half, &signed(*gap))}
                }
                <line class="gap-middle" x1={format!("{middle:.1}")} y1="20" x2={format!("{middle:.1}")} y2={format!("{height:.1}")} />
            </svg>
            <figcaption>
                <p class="chart-note">{props.note.clone()}</p>
                <details class="chart-data">
                    <summary>{words.t("chart.gaps-table")}</summary>
                    <table>
                        <thead>
                            <tr><th scope="col">{words.t("chart.dimension")}</th><th scope="col">{words.t("chart.marketing-minus-it")}</th></tr>
                        </thead>
                        <tbody>
                            for (dimension, gap) in props.dimensions.iter().zip(&props.gaps) {
                                <tr><th scope="row">{dimension.clone()}</th><td>{signed(*gap)}</td></tr>
                            }
                        </tbody>
                    </table>
                </details>
            </figcaption>
        </figure>
    }
}

fn gap_row(
    index: usize,
    label: &str,
    gap: Option<f64>,
    middle: f64,
    half: f64,
    text: &str,
) -> Html {
    let y = 24.0 + ROW * index as f64;
    let bar = gap.map(|gap| chart::diverging_bar(gap, 50.0, middle, half));
    let side = if gap.unwrap_or(0.0) < 0.0 {
        "it"
    } else {
        "marketing"
    };
    let (value_x, anchor) = match (gap, bar) {
        (Some(gap), Some(bar)) if gap < 0.0 => (bar.x - 4.0, "end"),
        (_, Some(bar)) => (bar.x + bar.width + 4.0, "start"),
        _ => (middle + 4.0, "start"),
    };
    html! {
        <g class={classes!("gap-row", side)}>
            <text class="gap-label" x={format!("{LABEL_WIDTH:.1}")} y={format!("{:.1}", y + 15.0)} text-anchor="end">{label}</text>
            if let Some(bar) = bar {
                <rect class="gap-bar" x={format!("{:.1}", bar.x)} y={format!("{:.1}", y + 4.0)}
                      width={format!("{:.1}", bar.width)} height="16" />
            }
            <text class="gap-value" x={format!("{value_x:.1}")} y={format!("{:.1}", y + 16.0)} text-anchor={anchor}>{text}</text>
        </g>
    }
}

/// One re-rated dimension on the before-and-after chart.
#[derive(Clone, PartialEq)]
pub struct Moved {
    pub dimension: AttrValue,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

#[derive(Properties, PartialEq)]
pub struct BeforeAfterProps {
    pub id: AttrValue,
    pub rows: Vec<Moved>,
}

/// The before-and-after chart's width: narrow, so that its words stay legible on a phone, where
/// it is drawn at about this size; on a wide screen CSS caps it.
const MOVED_WIDTH: f64 = 400.0;
/// A row: the dimension's name, then its scale.
const MOVED_ROW: f64 = 46.0;

/// Each re-rated dimension's score before discussion (a ring) and after (a dot inside it when
/// nothing moved), joined by a line on one 0–100 scale: how far it moved, and which way. The
/// data table is the section's.
#[component]
pub fn BeforeAfter(props: &BeforeAfterProps) -> Html {
    let words = use_words();
    let (left, width) = (12.0, MOVED_WIDTH - 24.0);
    let height = MOVED_ROW * props.rows.len() as f64 + 24.0;
    let figure = |value: Option<f64>| {
        value.map_or_else(
            || words.t("chart.not-available").to_owned(),
            |value| words.figure(value),
        )
    };
    let description = props
        .rows
        .iter()
        .map(|row| {
            format!(
                "{} {} {}, {} {}",
                row.dimension,
                words.t("after.before"),
                figure(row.before),
                words.t("after.after"),
                figure(row.after),
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let x = |value: f64| format!("{:.1}", chart::on_scale(value, left, width));
    html! {
        <figure class="chart before-after">
            <svg viewBox={format!("0 0 {MOVED_WIDTH} {height}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id}>{words.t("after.chart")}</title>
                <desc id={desc_id}>{format!("{description}.")}</desc>
                for tick in [0.0, 50.0, 100.0] {
                    <line class="scale-tick" x1={x(tick)} y1="18" x2={x(tick)} y2={format!("{:.1}", height - 4.0)} />
                    <text class="radar-scale" x={x(tick)} y="12" text-anchor="middle">{tick.to_string()}</text>
                }
                for (index, row) in props.rows.iter().enumerate() {
                    {moved_row(index, row, &x)}
                }
            </svg>
            <figcaption>
                <ul class="chart-legend">
                    <li class="legend">
                        <svg viewBox="0 0 16 16" class="legend-mark" aria-hidden="true"><circle class="mark-before" cx="8" cy="8" r="5" /></svg>
                        {words.t("after.before")}
                    </li>
                    <li class="legend">
                        <svg viewBox="0 0 16 16" class="legend-mark" aria-hidden="true"><circle class="mark-after" cx="8" cy="8" r="5" /></svg>
                        {words.t("after.after")}
                    </li>
                </ul>
            </figcaption>
        </figure>
    }
}

fn moved_row(index: usize, row: &Moved, x: &dyn Fn(f64) -> String) -> Html {
    let y = 52.0 + MOVED_ROW * index as f64;
    let y_text = format!("{y:.1}");
    html! {
        <g class="moved-row">
            <text class="gap-label" x={x(0.0)} y={format!("{:.1}", y - 13.0)}>{row.dimension.clone()}</text>
            if let (Some(before), Some(after)) = (row.before, row.after) {
                <line class="moved-line" x1={x(before)} y1={y_text.clone()} x2={x(after)} y2={y_text.clone()} />
            }
            if let Some(before) = row.before {
                <circle class="mark-before" cx={x(before)} cy={y_text.clone()} r="7" />
            }
            if let Some(after) = row.after {
                <circle class="mark-after" cx={x(after)} cy={y_text} r="4.5" />
            }
        </g>
    }
}

#[derive(Properties, PartialEq)]
pub struct SparklineProps {
    /// Scores, oldest first.
    pub values: Vec<f64>,
    /// What the line shows, in words.
    pub label: AttrValue,
}

/// A small trend line over the last runs.
#[component]
pub fn Sparkline(props: &SparklineProps) -> Html {
    let (width, height) = (80.0, 24.0);
    let points = chart::trend_line(&props.values, width, height);
    html! {
        <svg class="sparkline" viewBox={format!("-3 -3 {} {}", width + 6.0, height + 6.0)} role="img" aria-label={props.label.clone()}>
            <polyline points={chart::svg_points(&points)} />
            if let Some(last) = points.last() {
                <circle cx={format!("{:.1}", last.x)} cy={format!("{:.1}", last.y)} r="2.5" />
            }
        </svg>
    }
}
