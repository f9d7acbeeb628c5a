"""Models on the doc-features table: rate regression with controls, and distinguishability.

=============== ===============================================================
rate_model      negative binomial GLM of an article's feature count with a
                log(n_tokens) offset and fixed-effect controls: incidence rate
                ratio (IRR) of each group vs a reference group, CI, z, p, q
distinguish     can outlets be told apart from framing features alone?
                multinomial logistic regression, stratified CV, balanced
                accuracy, permutation p, coefficients per outlet
=============== ===============================================================

Both take the table from :func:`framing.doc_features` (one row per article),
so the article stays the unit of analysis.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats as sps

from framing._warnings import FramingError, warn
from framing.stats._common import (DEFAULT_BOOTSTRAP, assign_groups, bh, dedupe_record, deduplicate,
                                   group_label,
                                   require_groups, rng_from)

#: Default controls of rate_model; those absent from the table are skipped (with a warning).
DEFAULT_CONTROLS = ("topic", "date")
#: rate_model needs at least this many articles per parameter, plus MIN_EXTRA_DOCS.
DOCS_PER_PARAMETER = 2
MIN_EXTRA_DOCS = 10
#: Permutations of distinguish (each costs ``cv`` model fits).
DEFAULT_N_PERM = 100
DEFAULT_MIN_GROUP_DOCS = 10
_Z95 = 1.959963984540054
_TIME_BINS = {"year": "Y", "quarter": "Q", "month": "M"}


# =========================================================================== rate_model


def rate_model(docs: pd.DataFrame, feature: str, by="source", controls=DEFAULT_CONTROLS,
               reference=None, *, family: str = "negbin", time_bin: str = "year",
               maxiter: int = 200, dedupe: str = "keep", duplicates=None) -> pd.DataFrame:
    """Incidence rate ratios of a feature per group vs a reference group, adjusted for controls.

    Model: an article's count :math:`y` of ``feature`` is negative binomial
    (NB2: variance :math:`\\mu + \\alpha\\mu^2`) with
    :math:`\\log\\mu = \\log(n\\_tokens) + \\beta_0 + \\beta_{group} + \\text{controls}`,
    fitted by maximum likelihood as R's ``MASS::glm.nb`` does: IRLS for the
    coefficients (a log-link GLM with NB2 variance; the tests check it against
    statsmodels' ``GLM(family=NegativeBinomial(alpha))`` and the joint fit of
    ``statsmodels.discrete.discrete_model.NegativeBinomial``), alternated with
    the maximum-likelihood :math:`\\alpha` given the fitted means, until
    :math:`\\alpha` stops changing (the joint MLE). Standard errors are
    conditional on :math:`\\alpha`, asymptotically the same as the joint ones
    since NB2 coefficients and :math:`\\alpha` are orthogonal. With no
    overdispersion :math:`\\alpha` goes to its lower bound (1e-8, the Poisson
    limit; below 1e-6 ``attrs["alpha_at_lower_bound"]`` is True). Why not
    statsmodels' fitting itself: its IRLS solves every step by SVD and takes
    minutes for 37,000 articles x 500 outlets; sparse normal equations take
    seconds.

    :math:`e^{\\beta_{group}}` is the IRR: how many times as often the
    group's articles use the feature as the reference group's, at equal
    length, topic and year. Wald CIs and z tests on the log scale, BH q across
    the groups.

    Parameters
    ----------
    docs : pandas.DataFrame
        The doc-features table (``n_tokens``, ``count:{feature}:{category}``,
        grouping and control columns).
    feature : str
        ``"attribution:distancing"`` (the column ``count:attribution:distancing``),
        a full column name, or any column of non-negative integer counts.
    by : str, pandas.Grouper or list, default "source"
    controls : sequence of column names, default ("topic", "date")
        Categorical columns (str, category, bool) enter as fixed effects;
        datetime columns (and text columns holding dates) are binned by
        ``time_bin`` and enter as fixed effects; other numeric columns enter
        linearly. The default controls that the table lacks (or that have a
        single level) are skipped with a warning and listed in ``attrs``;
        controls you name must exist and vary.
    reference : group value or label, optional
        The baseline group; default the group with the most articles.
    family : {"negbin", "poisson"}, default "negbin"
        ``"poisson"``: Poisson GLM with robust (HC0) standard errors, for
        comparison; ``alpha`` is then NaN.
    time_bin : {"year", "quarter", "month"}, default "year"
        Bins of datetime controls (a fixed effect per bin: no assumption about
        the shape of the trend).
    maxiter : int, default 200
    dedupe : {"keep", "drop", "origin"}, default "keep"
        Near-duplicate policy (:func:`framing.dedupe.apply_dedupe`): count every
        article; keep one article per cluster of near-identical articles; or
        keep one and count it under its ``origin`` (who wrote the story).
    duplicates : pandas.DataFrame, optional
        A :func:`framing.find_duplicates` result; found from the texts when
        not given (needed for tables without text).

    Returns
    -------
    pandas.DataFrame
        One row per non-reference group: grouping column(s), ``reference``,
        ``feature``, ``irr`` (estimate and effect size), ``ci_low``,
        ``ci_high`` (95%), ``log_irr``, ``se``, ``z``, ``p``, ``q``, ``n_docs``,
        ``count`` (feature total), ``n_tokens``, ``rate`` (raw per 1,000
        tokens). ``attrs``: formula, family, alpha (with its standard error),
        n used, dropped rows with reasons, reference, controls used/skipped,
        convergence.

    Raises
    ------
    FramingError
        When the model cannot be fitted, saying why: too few articles for the
        number of parameters, a group whose articles never use the feature (its
        IRR would be 0 with an infinite log), a named control with one level,
        collinear groups and controls, or no convergence.

    Notes
    -----
    Articles in a control level (e.g. a topic) where the feature never occurs
    are left out and counted in ``attrs``: that level's coefficient would go
    to minus infinity, and in that limit those articles contribute nothing to
    the likelihood, so leaving them out gives the same estimates and a model
    that converges.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> docs = pd.DataFrame({"source": np.repeat(["A", "B"], 200),
    ...                      "n_tokens": rng.integers(300, 900, 400)})
    >>> rate = np.where(docs["source"] == "A", 0.004, 0.008)
    >>> docs["count:attribution:distancing"] = rng.poisson(rate * docs["n_tokens"])
    >>> table = rate_model(docs, "attribution:distancing", controls=[])
    >>> round(float(table["irr"].iloc[0]), 1)
    2.0
    """
    _check_docs(docs, "rate_model")
    docs, _ = deduplicate(docs, dedupe, duplicates, caller="rate_model")
    if family not in ("negbin", "poisson"):
        raise FramingError(f"family must be 'negbin' or 'poisson', got {family!r}.")
    if time_bin not in _TIME_BINS:
        raise FramingError(f"time_bin must be one of {', '.join(_TIME_BINS)}, got {time_bin!r}.")
    column = _feature_column(docs, feature)
    frame, groups, dropped = _model_frame(docs, column, by)
    notes: list[str] = []
    control_table, used, skipped = _control_columns(docs.loc[frame.index], controls, time_bin, notes)
    frame = frame.join(control_table)
    frame, control_drops = _drop_missing_controls(frame, used)
    dropped.update(control_drops)
    frame, zero_levels = _drop_zero_levels(frame, used)
    dropped.update(zero_levels)
    codes = frame["_group"].to_numpy()
    present = np.unique(codes)
    if len(present) < 2:
        require_groups(groups.iloc[present], 2, what="groups with usable articles")
    _check_separation(frame, groups)
    ref_code = _reference_code(frame, groups, reference)
    exog, names, group_columns = _design(frame, groups, ref_code, used)
    _check_size(exog, names)
    _check_rank(exog, names, used)
    result, fit_info = _fit(frame["_y"].to_numpy(float), exog, np.log(frame["_tokens"].to_numpy(float)),
                            family, maxiter)
    table = _irr_table(frame, groups, ref_code, group_columns, result, column)
    formula = _formula(column, by, groups, ref_code, used, time_bin)
    table.attrs = {"model": "negative binomial (NB2) GLM, maximum likelihood (IRLS with "
                   "alpha by ML, alternated as MASS::glm.nb)" if family == "negbin" else
                   "Poisson GLM with robust (HC0) standard errors",
                   "formula": formula, "family": family, **fit_info,
                   "reference": group_label(groups, ref_code), "n_docs_used": int(len(frame)),
                   "n_parameters": int(exog.shape[1]) + (family == "negbin"),
                   "dropped": {k: int(v) for k, v in dropped.items() if v},
                   "controls_used": used, "controls_skipped": skipped, "time_bin": time_bin,
                   "notes": notes, "ci": "95% Wald on log scale", "q": "Benjamini-Hochberg across groups",
                   "dedupe": dedupe_record(docs, dedupe)}
    return table


def _check_docs(docs, where: str) -> None:
    if not isinstance(docs, pd.DataFrame):
        raise FramingError(f"{where}() needs the doc-features table (a DataFrame), got "
                           f"{type(docs).__name__}.")
    if docs.empty:
        raise FramingError(f"{where}() got an empty table.")


def _feature_column(docs: pd.DataFrame, feature: str) -> str:
    for candidate in (f"count:{feature}", feature):
        if candidate in docs.columns:
            values = pd.to_numeric(docs[candidate], errors="coerce")
            finite = values.dropna()
            if (finite < 0).any() or (finite != np.round(finite)).any():
                raise FramingError(f"column {candidate!r} must hold counts (non-negative integers); "
                                   "model rates through counts with the n_tokens offset.")
            return candidate
    known = [c for c in docs.columns if str(c).startswith("count:")]
    raise FramingError(f"no count column for feature {feature!r} (looked for 'count:{feature}' and "
                       f"{feature!r}); count columns present: {', '.join(known[:15]) or 'none'}.")


def _model_frame(docs: pd.DataFrame, column: str, by):
    """y, tokens and group code per usable article; counts of the rows left out, by reason."""
    if "n_tokens" not in docs.columns:
        raise FramingError("the table has no n_tokens column (the offset); pass doc_features() output.")
    codes, groups = assign_groups(docs, by, what="doc features table")
    require_groups(groups, 2)
    frame = pd.DataFrame({"_y": pd.to_numeric(docs[column], errors="coerce").to_numpy(),
                          "_tokens": pd.to_numeric(docs["n_tokens"], errors="coerce").to_numpy(),
                          "_group": codes}, index=docs.index)
    reasons = {"missing group value": frame["_group"] < 0,
               f"missing {column}": frame["_y"].isna(),
               "no tokens (log offset undefined)": ~(frame["_tokens"] > 0)}
    dropped, bad = {}, np.zeros(len(frame), dtype=bool)
    for reason, mask in reasons.items():
        mask = np.asarray(mask) & ~bad
        dropped[reason] = int(mask.sum())
        bad |= mask
    return frame[~bad], groups, dropped


def _control_columns(docs: pd.DataFrame, controls, time_bin: str, notes: list):
    """One column per usable control (categorical as str, numeric as float); used and skipped names."""
    defaults = controls is DEFAULT_CONTROLS
    names = [controls] if isinstance(controls, str) else list(controls or [])
    table, used, skipped = pd.DataFrame(index=docs.index), [], []
    for name in names:
        if name not in docs.columns:
            if defaults:
                skipped.append(f"{name} (not in the table)")
                continue
            raise FramingError(f"control {name!r} is not a column of the table.")
        values, kind = _control_values(docs[name], time_bin)
        if kind == "time":
            notes.append(f"{name}: dates binned by {time_bin}, one fixed effect per bin")
        n_levels = values.nunique(dropna=True)
        if n_levels < 2:
            message = f"control {name!r} has a single level ({n_levels} distinct value) among the articles"
            if defaults:
                skipped.append(f"{name} (single level)")
                warn(message + "; skipped.")
                continue
            raise FramingError(message + "; it cannot be estimated -- drop it from controls.")
        table[name] = values
        used.append(name)
    if skipped and defaults:
        warn("rate_model: default controls skipped: " + "; ".join(skipped) + ".")
    return table, used, skipped


def _control_values(series: pd.Series, time_bin: str):
    freq = _TIME_BINS[time_bin]
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.to_period(freq).astype(str).where(series.notna()), "time"
    if pd.api.types.is_bool_dtype(series) or isinstance(series.dtype, pd.CategoricalDtype):
        return series.astype(object).where(series.notna()).astype(str).where(series.notna()), "category"
    if pd.api.types.is_numeric_dtype(series):
        return series.astype(float), "numeric"
    parsed = pd.to_datetime(series, errors="coerce", format="mixed") if series.notna().any() else None
    if parsed is not None and parsed.notna().sum() >= 0.95 * series.notna().sum():
        # Dates stored as text (e.g. "2019-03-01"): treat as dates rather than hundreds of levels.
        return parsed.dt.to_period(freq).astype(str).where(parsed.notna()), "time"
    return series.astype(str).where(series.notna()), "category"


def _drop_missing_controls(frame: pd.DataFrame, used: list):
    dropped = {}
    for name in used:
        missing = frame[name].isna()
        if missing.any():
            dropped[f"missing {name}"] = int(missing.sum())
            frame = frame[~missing]
    return frame, dropped


def _is_categorical(series: pd.Series) -> bool:
    return not pd.api.types.is_float_dtype(series)


def _drop_zero_levels(frame: pd.DataFrame, used: list):
    """Leave out articles of control levels where the feature never occurs (see rate_model Notes)."""
    dropped = {}
    for name in used:
        if not _is_categorical(frame[name]):
            continue
        totals = frame.groupby(name, observed=True)["_y"].sum()
        empty = totals.index[totals == 0]
        if len(empty):
            mask = frame[name].isin(empty)
            dropped[f"{name} level(s) without any occurrence: {', '.join(map(str, empty[:5]))}"
                    + (" ..." if len(empty) > 5 else "")] = int(mask.sum())
            frame = frame[~mask]
    return frame, dropped


def _check_separation(frame: pd.DataFrame, groups: pd.DataFrame) -> None:
    totals = frame.groupby("_group")["_y"].agg(["sum", "size"])
    zero = totals[totals["sum"] == 0]
    if len(zero):
        listed = ", ".join(f"{group_label(groups, int(c))} ({int(n)} articles)"
                           for c, n in zip(zero.index[:8], zero["size"][:8]))
        raise FramingError(f"cannot fit: the feature never occurs in any article of {len(zero)} "
                           f"group(s): {listed}. Their rate ratio would be 0 (log IRR minus "
                           "infinity, perfect separation); leave these groups out or merge them.")


def _reference_code(frame: pd.DataFrame, groups: pd.DataFrame, reference) -> int:
    sizes = frame["_group"].value_counts()
    if reference is None:
        # Largest group: the most precise baseline; ties go to the first group in sort order.
        return int(sizes.sort_index().idxmax())
    labels = [group_label(groups, c) for c in range(len(groups))]
    hits = [c for c in range(len(groups))
            if labels[c] == str(reference) or (groups.shape[1] == 1 and groups.iloc[c, 0] == reference)]
    if not hits:
        raise FramingError(f"reference {reference!r} is not one of the groups ({', '.join(labels[:12])}).")
    if hits[0] not in sizes.index:
        raise FramingError(f"reference {reference!r} has no usable article.")
    return int(hits[0])


def _design(frame: pd.DataFrame, groups: pd.DataFrame, ref_code: int, used: list):
    """Sparse design: intercept, group dummies (reference left out), control dummies (most
    common level left out), centred numeric controls. Sparse because almost every column is
    a dummy: X'WX then costs little even for 500 outlets."""
    import scipy.sparse as sp

    n = len(frame)
    codes = frame["_group"].to_numpy()
    group_codes = [c for c in np.unique(codes) if c != ref_code]
    blocks, names = [sp.csr_matrix(np.ones((n, 1)))], ["Intercept"]
    blocks.append(_dummies(codes, group_codes))
    names += [f"group[{group_label(groups, c)}]" for c in group_codes]
    for name in used:
        values = frame[name]
        if _is_categorical(values):
            levels = values.value_counts().index.tolist()[1:]  # most common level is the baseline
            blocks.append(_dummies(values.to_numpy(dtype=object), levels))
            names += [f"{name}[{level}]" for level in levels]
        else:
            blocks.append(sp.csr_matrix((values.to_numpy(float) - values.mean())[:, None]))
            names.append(name)
    return sp.hstack(blocks, format="csr"), names, group_codes


def _dummies(values: np.ndarray, levels: list):
    """Sparse indicator columns, one per level (rows of other values are all zero)."""
    import scipy.sparse as sp

    column_of = {level: j for j, level in enumerate(levels)}
    cols = np.array([column_of.get(v, -1) for v in values])
    rows = np.flatnonzero(cols >= 0)
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols[rows])), shape=(len(values), len(levels)))


def _weighted_gram(exog, weights) -> np.ndarray:
    """X' diag(weights) X as a dense array, for a sparse X."""
    return np.asarray((exog.T @ exog.multiply(weights[:, None])).todense())


def _check_size(exog: np.ndarray, names: list) -> None:
    n, k = exog.shape
    needed = DOCS_PER_PARAMETER * (k + 1) + MIN_EXTRA_DOCS
    if n < needed:
        raise FramingError(f"too few articles to fit the model: {n} usable articles for {k + 1} "
                           f"parameters (coefficients and dispersion); rate_model needs at least "
                           f"{DOCS_PER_PARAMETER} per parameter plus {MIN_EXTRA_DOCS} (= {needed}). "
                           "Use fewer groups or controls, or a coarser time_bin.")


def _check_rank(exog, names: list, used: list) -> None:
    gram = _weighted_gram(exog, np.ones(exog.shape[0]))
    scale = np.sqrt(np.diag(gram))
    eigen = np.linalg.eigvalsh(gram / np.outer(scale, scale))
    if eigen[0] < 1e-10 * eigen[-1]:
        raise FramingError("cannot fit: the groups and controls are collinear (e.g. a control that "
                           "takes one value per group, or a topic only one group covers), so their "
                           f"effects cannot be separated. Controls used: {', '.join(used) or 'none'}; "
                           "drop or coarsen one.")


def _fit(y, exog, offset, family: str, maxiter: int):
    """Fit and return ((params, bse), information about the fit)."""
    if family == "poisson":
        beta, bread, mu, converged = _irls(y, exog, offset, 0.0, maxiter)
        _require_converged(converged, "IRLS")
        # HC0 sandwich: the Poisson variance assumption is not trusted.
        meat = _weighted_gram(exog, (y - mu) ** 2)
        cov = bread @ meat @ bread
        return (beta, np.sqrt(np.diag(cov))), {
            "alpha": float("nan"), "alpha_se": float("nan"), "converged": True,
            "optimizer": "IRLS", "llf": _poisson_loglik(y, mu)}
    return _fit_negbin(y, exog, offset, maxiter)


def _irls(y, exog, offset, alpha: float, maxiter: int, start=None):
    """IRLS for a log-link GLM with NB2 variance mu + alpha mu^2 (alpha = 0: Poisson).

    Solves the weighted normal equations by Cholesky, with step halving when
    the likelihood drops. Returns (beta, inverse Fisher information, mu,
    converged). statsmodels' GLM gives the same estimates (checked in the
    tests) but solves each step by SVD, which takes minutes for 37,000
    articles x 500 outlets; this takes seconds.
    """
    from scipy.linalg import cho_factor, cho_solve

    if start is None:
        mu = (y + y.mean()) / 2 + 0.1
        eta = np.log(mu)
        beta = None
    else:
        beta = np.asarray(start, dtype=float)
        eta = exog @ beta + offset
        mu = np.exp(eta)
    loglik = _nb2_loglik(y, mu, alpha) if alpha > 0 else _poisson_loglik(y, mu)
    for _ in range(maxiter):
        weights = mu / (1 + alpha * mu)
        working = eta - offset + (y - mu) / mu
        gram = _weighted_gram(exog, weights)
        try:
            factor = cho_factor(gram)
        except np.linalg.LinAlgError:
            return beta, None, mu, False
        proposal = cho_solve(factor, exog.T @ (weights * working))
        step = proposal - beta if beta is not None else None
        for _halving in range(30):
            candidate = proposal if step is None else beta + step
            eta_new = np.clip(exog @ candidate + offset, -700, 700)
            mu_new = np.exp(eta_new)
            new = _nb2_loglik(y, mu_new, alpha) if alpha > 0 else _poisson_loglik(y, mu_new)
            if np.isfinite(new) and (new >= loglik - 1e-12 * abs(loglik) or step is None):
                break
            step = step / 2
        change = abs(new - loglik)
        beta, eta, mu, loglik = candidate, eta_new, mu_new, new
        if change < 1e-10 * (abs(loglik) + 1e-3):
            gram = _weighted_gram(exog, mu / (1 + alpha * mu))
            try:
                bread = cho_solve(cho_factor(gram), np.eye(len(beta)))
            except np.linalg.LinAlgError:
                return beta, None, mu, False
            return beta, bread, mu, True
    return beta, None, mu, False


def _poisson_loglik(y, mu) -> float:
    from scipy.special import gammaln

    return float(np.sum(y * np.log(mu) - mu - gammaln(y + 1)))


def _fit_negbin(y, exog, offset, maxiter: int, max_outer: int = 30):
    """NB2 by alternating IRLS for the coefficients and the ML of alpha given the means.

    The scheme of R's MASS::glm.nb. At convergence it is the joint maximum
    likelihood; coefficient standard errors are conditional on alpha, which for
    NB2 equals the joint ones asymptotically (coefficients and alpha are
    orthogonal parameters). Unlike a joint Newton step it stays valid when the
    data show no overdispersion (alpha at its lower bound, the Poisson limit).
    """
    beta, _, mu, converged = _irls(y, exog, offset, 0.0, maxiter)
    _require_converged(converged and np.all(np.isfinite(beta)), "Poisson start")
    log_alpha = None
    for outer in range(1, max_outer + 1):
        new_log_alpha = _alpha_given_means(y, mu)
        alpha = float(np.exp(new_log_alpha))
        beta, bread, mu, converged = _irls(y, exog, offset, alpha, maxiter, start=beta)
        bse = np.sqrt(np.diag(bread)) if bread is not None else None
        _require_converged(converged and bse is not None and np.all(np.isfinite(bse)),
                           f"IRLS, outer iteration {outer}")
        # Near the Poisson limit the likelihood is flat in log alpha, so also accept a tiny
        # absolute change.
        if log_alpha is not None and (abs(new_log_alpha - log_alpha) < 1e-6
                                      or abs(alpha - np.exp(log_alpha)) < 1e-7):
            at_bound = alpha < _POISSON_LIMIT
            return (beta, bse), {
                "alpha": alpha, "alpha_se": float("nan") if at_bound else _alpha_se(y, mu, alpha),
                "alpha_at_lower_bound": bool(at_bound), "converged": True,
                "optimizer": f"IRLS + ML alpha, alternated ({outer} rounds)",
                "llf": _nb2_loglik(y, mu, alpha)}
        log_alpha = new_log_alpha
    _require_converged(False, f"alpha still changing after {max_outer} rounds")


_LOG_ALPHA_BOUNDS = (np.log(1e-8), np.log(1e4))
# Below this alpha the NB2 variance mu + alpha mu^2 is Poisson for any realistic mean.
_POISSON_LIMIT = 1e-6


def _nb2_loglik(y, mu, alpha):
    from scipy.special import gammaln

    size = 1.0 / alpha
    return float(np.sum(gammaln(y + size) - gammaln(size) - gammaln(y + 1)
                        + size * np.log(size / (size + mu)) + y * np.log(mu / (size + mu))))


def _alpha_given_means(y, mu) -> float:
    """log alpha maximising the NB2 likelihood for fixed means (bounded; lower bound ~ Poisson)."""
    from scipy.optimize import minimize_scalar

    found = minimize_scalar(lambda a: -_nb2_loglik(y, mu, np.exp(a)), bounds=_LOG_ALPHA_BOUNDS,
                            method="bounded", options={"xatol": 1e-8})
    return float(found.x)


def _alpha_se(y, mu, alpha) -> float:
    """Standard error of alpha from the observed information (central second difference)."""
    h = 1e-4 * alpha
    second = (_nb2_loglik(y, mu, alpha + h) - 2 * _nb2_loglik(y, mu, alpha)
              + _nb2_loglik(y, mu, alpha - h)) / h ** 2
    return float(np.sqrt(-1 / second)) if second < 0 else float("nan")


def _require_converged(converged: bool, detail: str) -> None:
    if not converged:
        raise FramingError(f"the model did not converge ({detail}). Usual causes: groups or "
                           "control levels with very few articles or occurrences; try fewer "
                           "controls, a coarser time_bin, or leave out sparse groups.")


def _irr_table(frame, groups, ref_code, group_codes, result, column) -> pd.DataFrame:
    params, bse = (np.asarray(x, dtype=float) for x in result)
    beta, se = params[1:1 + len(group_codes)], bse[1:1 + len(group_codes)]
    z = beta / se
    p = 2 * sps.norm.sf(np.abs(z))
    sums = frame.groupby("_group").agg(n_docs=("_y", "size"), count=("_y", "sum"), tokens=("_tokens", "sum"))
    sums = sums.loc[group_codes]
    table = pd.DataFrame({name: groups[name].to_numpy()[group_codes] for name in groups.columns})
    table["reference"] = group_label(groups, ref_code)
    table["feature"] = column.removeprefix("count:")
    table["irr"] = np.exp(beta)
    table["ci_low"], table["ci_high"] = np.exp(beta - _Z95 * se), np.exp(beta + _Z95 * se)
    table["log_irr"], table["se"], table["z"], table["p"] = beta, se, z, p
    table["q"] = bh(p)
    table["n_docs"] = sums["n_docs"].to_numpy().astype(np.int64)
    table["count"] = sums["count"].to_numpy().astype(np.int64)
    table["n_tokens"] = sums["tokens"].to_numpy().astype(np.int64)
    table["rate"] = 1000.0 * table["count"] / table["n_tokens"]
    return table


def _formula(column, by, groups, ref_code, used, time_bin) -> str:
    keys = " x ".join(groups.columns)
    terms = [f"C({keys}, Treatment({group_label(groups, ref_code)!r}))"]
    terms += [f"C({name})" for name in used]
    return f"{column} ~ " + " + ".join(terms) + " + offset(log(n_tokens))"


# =========================================================================== distinguish


@dataclass
class Distinguishability:
    """How well groups can be told apart from framing features (see :func:`distinguish`).

    Attributes
    ----------
    summary : pandas.DataFrame
        One row: ``n_groups``, ``n_docs``, ``n_features``, ``estimate`` (mean
        balanced accuracy over the CV folds), ``sd`` (over folds), ``ci_low``,
        ``ci_high``, ``chance``, ``p`` (permutation), ``n_perm``, ``cv``.
    coefficients : pandas.DataFrame
        Top coefficients per group (model fitted on all articles).
    confusion : pandas.DataFrame
        Out-of-fold confusion matrix (rows: true group, columns: predicted).
    fold_scores : numpy.ndarray
        Balanced accuracy of each fold.
    """

    summary: pd.DataFrame
    coefficients: pd.DataFrame
    confusion: pd.DataFrame
    fold_scores: np.ndarray
    attrs: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        row = self.summary.iloc[0]
        return (f"Distinguishability(balanced accuracy {row['estimate']:.3f} (sd {row['sd']:.3f} over "
                f"{int(row['cv'])} folds), chance {row['chance']:.3f}, permutation p = {row['p']:.4g}, "
                f"{int(row['n_groups'])} groups, {int(row['n_docs'])} articles, "
                f"{int(row['n_features'])} features)")


def distinguish(docs: pd.DataFrame, by="source", features=None, *, cv: int = 5,
                n_perm: int = DEFAULT_N_PERM, random_state=None, top: int | None = 10,
                min_group_docs: int = DEFAULT_MIN_GROUP_DOCS, C: float = 1.0,
                n_jobs: int | None = None, dedupe: str = "keep",
                duplicates=None) -> Distinguishability:
    """How well groups (outlets) can be told apart from framing features alone.

    A scikit-learn ``Pipeline(StandardScaler, LogisticRegression)`` (lbfgs,
    multinomial for three or more groups, L2 penalty ``C``) is evaluated by
    stratified k-fold cross-validation with balanced accuracy (the mean of the
    per-group recalls, so a majority-class guess scores ``1 / n_groups``
    whatever the group sizes: that is the chance level). The permutation p
    comes from ``sklearn.model_selection.permutation_test_score``: the share of
    label shufflings (plus one) whose CV score reaches the real one
    (Ojala & Garriga 2010). Coefficients come from a fit on all articles and
    are per standard deviation of the feature.

    Parameters
    ----------
    docs : pandas.DataFrame
        The doc-features table.
    by : str, pandas.Grouper or list, default "source"
    features : list of str, optional
        Feature columns; default the rate columns (``rate:{feature}:{category}``
        of ``docs.attrs["feature_columns"]``, else every ``rate:`` column).
    cv : int, default 5
        Folds of ``StratifiedKFold(shuffle=True)``.
    n_perm : int, default 100
        Label shufflings; the smallest attainable p is ``1 / (n_perm + 1)``
        and the cost is ``(n_perm + 1) * cv`` fits, so raise it for a final
        figure (1,000) when the data allow.
    random_state : int or None
        Seeds folds, shuffles and the CI bootstrap; None means the package's
        default seed (0), so results repeat.
    top : int or None, default 10
        Coefficients kept per group (largest absolute value); None keeps all.
    min_group_docs : int, default 10
        Groups with fewer articles are left out (listed in ``attrs``): each
        fold must hold some of every group, and a handful of articles cannot
        characterise an outlet. Must be at least ``cv``.
    C : float, default 1.0
        Inverse L2 regularisation strength of the logistic regression.
    n_jobs : int, optional
        Passed to ``permutation_test_score``.
    dedupe : {"keep", "drop", "origin"}, default "keep"
        Near-duplicate policy (:func:`framing.dedupe.apply_dedupe`): count every
        article; keep one article per cluster of near-identical articles; or
        keep one and count it under its ``origin`` (who wrote the story).
    duplicates : pandas.DataFrame, optional
        A :func:`framing.find_duplicates` result; found from the texts when
        not given (needed for tables without text).

    Returns
    -------
    Distinguishability
        ``summary`` (one row, results shape), ``coefficients`` (group,
        ``feature``, ``coefficient``, ``rank``), ``confusion``, ``fold_scores``;
        ``attrs`` with the parameters. ``ci_low``/``ci_high`` are a 95%
        percentile bootstrap over articles of the out-of-fold predictions: they
        reflect which articles were tested, not the variability of training.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> docs = pd.DataFrame({"source": np.repeat(["A", "B", "C"], 40)})
    >>> docs["rate:stance:hedge"] = rng.normal(size=120) + (docs["source"] == "A") * 3
    >>> docs["rate:stance:booster"] = rng.normal(size=120)
    >>> result = distinguish(docs, n_perm=20)
    >>> bool(result.summary["estimate"].iloc[0] > result.summary["chance"].iloc[0])
    True
    """
    from sklearn.model_selection import StratifiedKFold, permutation_test_score

    _check_docs(docs, "distinguish")
    docs, _ = deduplicate(docs, dedupe, duplicates, caller="distinguish")
    if int(cv) < 2:
        raise FramingError(f"cv must be at least 2 folds, got {cv}.")
    if int(min_group_docs) < int(cv):
        raise FramingError(f"min_group_docs ({min_group_docs}) must be at least cv ({cv}): every "
                           "fold needs articles of every group.")
    columns = _feature_columns(docs, features)
    X, y, labels, info = _classification_data(docs, by, columns, int(min_group_docs))
    seed = _seed(random_state)
    folds = StratifiedKFold(n_splits=int(cv), shuffle=True, random_state=seed)
    scores, predicted = _cross_validate(X, y, folds, C)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter on shuffled labels
        _, permuted, p = permutation_test_score(_pipeline(C), X, y, cv=folds, n_permutations=int(n_perm),
                                                scoring="balanced_accuracy", random_state=seed,
                                                n_jobs=n_jobs)
    ci = _accuracy_ci(y, predicted, len(labels), rng_from(seed))
    n_groups = len(labels)
    summary = pd.DataFrame([{
        "by": info["by"], "n_groups": n_groups, "n_docs": len(y), "n_features": len(columns),
        "estimate": float(scores.mean()), "sd": float(scores.std(ddof=1)),
        "ci_low": ci[0], "ci_high": ci[1], "chance": 1.0 / n_groups,
        "statistic": "balanced accuracy", "p": float(p), "n_perm": int(n_perm), "cv": int(cv),
        "permuted_mean": float(np.mean(permuted))}])
    confusion = pd.crosstab(pd.Categorical(labels[y], categories=labels),
                            pd.Categorical(labels[predicted], categories=labels),
                            rownames=["true"], colnames=["predicted"], dropna=False)
    coefficients = _coefficients(X, y, labels, columns, C, top, info["by"])
    attrs = {"model": "StandardScaler + LogisticRegression(lbfgs, L2)", "C": C, "cv": int(cv),
             "cv_splitter": "StratifiedKFold(shuffle=True)", "scoring": "balanced_accuracy",
             "n_perm": int(n_perm), "random_state": random_state, "features": columns,
             "min_group_docs": int(min_group_docs), **info["dropped"],
             "dedupe": dedupe_record(docs, dedupe)}
    summary.attrs = dict(attrs)
    coefficients.attrs = {"coefficient": "log-odds per standard deviation of the feature, model "
                          "fitted on all articles (two groups: +/- half the binary coefficient)"}
    return Distinguishability(summary, coefficients, confusion, scores, attrs)


def _seed(random_state) -> int:
    """An integer seed for scikit-learn (which needs the same seed for folds and shuffles)."""
    if isinstance(random_state, (int, np.integer)):
        return int(random_state)
    return int(rng_from(random_state).integers(0, 2**31 - 1))


def _pipeline(C: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000))


def _feature_columns(docs: pd.DataFrame, features) -> list:
    if features is not None:
        columns = [features] if isinstance(features, str) else list(features)
        missing = [c for c in columns if c not in docs.columns]
        if missing:
            raise FramingError(f"feature column(s) not in the table: {', '.join(map(str, missing))}.")
    else:
        listed = docs.attrs.get("feature_columns") or []
        columns = [f"rate:{f}:{c}" for _, f, c in listed if f"rate:{f}:{c}" in docs.columns]
        if not columns:
            columns = [c for c in docs.columns if str(c).startswith("rate:")]
        if not columns:
            raise FramingError("no rate:{feature}:{category} columns found; pass features=[...] or "
                               "the output of doc_features().")
    non_numeric = [c for c in columns if not pd.api.types.is_numeric_dtype(docs[c])]
    if non_numeric:
        raise FramingError(f"feature column(s) are not numeric: {', '.join(map(str, non_numeric))}.")
    return columns


def _classification_data(docs, by, columns, min_group_docs):
    codes, groups = assign_groups(docs, by, what="doc features table")
    values = docs[columns].to_numpy(dtype=float)
    usable = (codes >= 0) & np.isfinite(values).all(axis=1)
    sizes = np.bincount(codes[usable], minlength=len(groups))
    small = np.flatnonzero((sizes > 0) & (sizes < min_group_docs))
    keep = usable & np.isin(codes, np.flatnonzero(sizes >= min_group_docs))
    kept_codes = np.unique(codes[keep])
    if len(kept_codes) < 2:
        raise FramingError(f"need at least 2 groups with {min_group_docs}+ usable articles to "
                           f"compare, found {len(kept_codes)} (group sizes: "
                           f"{dict(zip(map(str, groups.iloc[:, 0]), sizes.tolist()))}).")
    labels = np.array([group_label(groups, c) for c in kept_codes], dtype=object)
    y = np.searchsorted(kept_codes, codes[keep])
    dropped = {"n_docs_missing_group": int((codes < 0).sum()),
               "n_docs_missing_features": int(((codes >= 0) & ~np.isfinite(values).all(axis=1)).sum()),
               "groups_below_min_group_docs": [group_label(groups, c) for c in small],
               "n_docs_in_small_groups": int(sizes[small].sum())}
    by_name = " x ".join(groups.columns)
    return values[keep], y, labels, {"dropped": dropped, "by": by_name}


def _cross_validate(X, y, folds, C):
    from sklearn.metrics import balanced_accuracy_score

    predicted = np.empty(len(y), dtype=int)
    scores = []
    for train, test in folds.split(X, y):
        model = _pipeline(C).fit(X[train], y[train])
        predicted[test] = model.predict(X[test])
        scores.append(balanced_accuracy_score(y[test], predicted[test]))
    return np.array(scores), predicted


def _accuracy_ci(y, predicted, n_groups, rng, n_boot: int = DEFAULT_BOOTSTRAP):
    """95% percentile bootstrap (over articles) of the balanced accuracy of out-of-fold predictions."""
    n = len(y)
    correct = (y == predicted).astype(float)
    values = []
    for start in range(0, n_boot, 100):
        size = min(100, n_boot - start)
        picks = rng.integers(0, n, size=(size, n))
        offset = (np.arange(size) * n_groups)[:, None]
        totals = np.bincount((y[picks] + offset).ravel(), minlength=size * n_groups)
        hits = np.bincount((y[picks] + offset).ravel(), weights=correct[picks].ravel(),
                           minlength=size * n_groups)
        with np.errstate(invalid="ignore", divide="ignore"):
            recall = (hits / totals).reshape(size, n_groups)
        values.append(np.nanmean(recall, axis=1))  # a group missing from a resample is skipped
    low, high = np.percentile(np.concatenate(values), [2.5, 97.5])
    return float(low), float(high)


def _coefficients(X, y, labels, columns, C, top, by_name) -> pd.DataFrame:
    model = _pipeline(C).fit(X, y)
    coef = model[-1].coef_
    if coef.shape[0] == 1:  # two groups: one binary coefficient vector, for the second class
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
    rows = []
    for g, label in enumerate(labels):
        order = np.argsort(-np.abs(coef[g]), kind="stable")
        if top is not None:
            order = order[:int(top)]
        for rank, j in enumerate(order, start=1):
            rows.append({by_name: label, "feature": columns[j], "coefficient": float(coef[g, j]),
                         "rank": rank})
    return pd.DataFrame(rows)
