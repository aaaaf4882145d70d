#pragma once

#include <QList>
#include <algorithm>

// The p-quantile of `values` (0 <= p <= 1), interpolated between the two
// nearest ranks; 0 for none.
inline double percentile(QList<double> values, double p) {
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = p * double(values.size() - 1);
    const qsizetype low = qsizetype(rank);
    const qsizetype high = std::min(low + 1, values.size() - 1);
    return values.at(low) + (rank - double(low)) * (values.at(high) - values.at(low));
}

inline double median(const QList<double>& values) {
    return percentile(values, 0.5);
}
