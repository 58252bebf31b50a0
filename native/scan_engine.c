/*
 * The scan engine. Segments are cut into pieces of PIECE_BYTES; worker threads claim pieces in
 * order and scan each into a slot of a small ring; finished pieces are committed to the caller's
 * arrays strictly in piece order. So results come out sorted and a full output can say exactly
 * where to resume, while memory stays bounded by the ring, not by the number of hits.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "scan_engine.h"

#define PIECE_BYTES ((uint64_t)1 << 20)
#define SLOTS_PER_THREAD 2
#define MAX_THREADS 64

struct slot {
    int done;
    size_t count;
    uint64_t *addrs;
    uint64_t *words;
};

struct job {
    const struct maze_scan_request *req;
    uint64_t *first_piece;     /* first_piece[s]: index of segment s's first piece; [nsegs] = total */
    uint64_t npieces;
    struct slot *slots;
    int ring;
    pthread_mutex_t mu;
    pthread_cond_t changed;
    uint64_t next_claim;
    uint64_t next_commit;
    int stop;
    uint64_t count;
    int overflow;
    uint64_t resume;
};

static int check_segments(const struct maze_scan_request *req)
{
    uint64_t now = maze_current_size(req->core);
    for (int32_t i = 0; i < req->nsegs; i++) {
        const struct maze_seg *s = &req->segs[i];
        req->out[MAZE_OUT_BAD_SEGMENT] = i;
        if (s->offset < req->core->origin || s->offset > req->core->size
            || s->size > req->core->size - s->offset)
            return MAZE_ERR_RANGE;
        if (s->offset > now || s->size > now - s->offset)
            return MAZE_ERR_TRUNCATED;
        if (s->vaddr + s->size < s->vaddr)
            return MAZE_ERR_ARGUMENT;
        /* address order of the hits relies on sorted, disjoint segments */
        if (i > 0 && s->vaddr < req->segs[i - 1].vaddr + req->segs[i - 1].size)
            return MAZE_ERR_ARGUMENT;
    }
    req->out[MAZE_OUT_BAD_SEGMENT] = -1;
    return MAZE_OK;
}

static void locate_piece(const struct job *job, uint64_t index, struct maze_piece *piece)
{
    int32_t lo = 0, hi = job->req->nsegs - 1;
    while (lo < hi) {  /* the last segment whose first piece is <= index */
        int32_t mid = lo + (hi - lo + 1) / 2;
        if (job->first_piece[mid] <= index)
            lo = mid;
        else
            hi = mid - 1;
    }
    const struct maze_seg *s = &job->req->segs[lo];
    piece->seg_bytes = maze_at(job->req->core, s->offset);
    piece->seg_vaddr = s->vaddr;
    piece->seg_size = s->size;
    piece->from = s->vaddr + (index - job->first_piece[lo]) * PIECE_BYTES;
    uint64_t left = s->vaddr + s->size - piece->from;
    piece->to = piece->from + (left < PIECE_BYTES ? left : PIECE_BYTES);
}

/* Called with the lock held: moves finished pieces, in order, into the caller's arrays. */
static void commit_ready(struct job *job)
{
    const struct maze_scan_request *req = job->req;
    while (!job->stop && job->next_commit < job->npieces) {
        struct slot *sl = &job->slots[job->next_commit % job->ring];
        if (!sl->done)
            return;
        uint64_t room = req->cap - job->count;
        uint64_t take = sl->count < room ? sl->count : room;
        memcpy(req->addrs + job->count, sl->addrs, take * sizeof(uint64_t));
        memcpy(req->words + job->count, sl->words, take * sizeof(uint64_t));
        job->count += take;
        if (take < sl->count) {
            job->overflow = 1;
            job->resume = sl->addrs[take];
            job->stop = 1;
        }
        sl->done = 0;
        job->next_commit++;
    }
}

static void *work(void *arg)
{
    struct job *job = arg;
    pthread_mutex_lock(&job->mu);
    for (;;) {
        while (!job->stop && job->next_claim < job->npieces
               && job->next_claim - job->next_commit >= (uint64_t)job->ring)
            pthread_cond_wait(&job->changed, &job->mu);
        if (job->stop || job->next_claim >= job->npieces)
            break;
        uint64_t index = job->next_claim++;
        struct slot *sl = &job->slots[index % job->ring];
        pthread_mutex_unlock(&job->mu);

        struct maze_piece piece;
        locate_piece(job, index, &piece);
        size_t n = job->req->scanner(job->req->query, &piece, sl->addrs, sl->words);

        pthread_mutex_lock(&job->mu);
        sl->count = n;
        sl->done = 1;
        commit_ready(job);
        pthread_cond_broadcast(&job->changed);
    }
    pthread_mutex_unlock(&job->mu);
    return NULL;
}

static int plan_pieces(struct job *job)
{
    const struct maze_scan_request *req = job->req;
    job->first_piece = malloc(((size_t)req->nsegs + 1) * sizeof(uint64_t));
    if (job->first_piece == NULL)
        return MAZE_ERR_RESOURCES;
    uint64_t total = 0;
    for (int32_t i = 0; i < req->nsegs; i++) {
        job->first_piece[i] = total;
        total += (req->segs[i].size + PIECE_BYTES - 1) / PIECE_BYTES;
    }
    job->first_piece[req->nsegs] = total;
    job->npieces = total;
    return MAZE_OK;
}

static int make_slots(struct job *job, int threads)
{
    uint64_t per_slot = PIECE_BYTES / job->req->min_hit_spacing + 1;
    job->ring = threads * SLOTS_PER_THREAD;
    job->slots = calloc((size_t)job->ring, sizeof(struct slot));
    if (job->slots == NULL)
        return MAZE_ERR_RESOURCES;
    for (int i = 0; i < job->ring; i++) {
        job->slots[i].addrs = malloc(per_slot * sizeof(uint64_t));
        job->slots[i].words = malloc(per_slot * sizeof(uint64_t));
        if (job->slots[i].addrs == NULL || job->slots[i].words == NULL)
            return MAZE_ERR_RESOURCES;
    }
    return MAZE_OK;
}

static void free_job(struct job *job)
{
    for (int i = 0; job->slots != NULL && i < job->ring; i++) {
        free(job->slots[i].addrs);
        free(job->slots[i].words);
    }
    free(job->slots);
    free(job->first_piece);
}

static int clamp_threads(int32_t asked, uint64_t npieces)
{
    int t = asked < 1 ? 1 : (asked > MAX_THREADS ? MAX_THREADS : asked);
    return (uint64_t)t > npieces && npieces > 0 ? (int)npieces : t;
}

/*
 * Runs the workers; the calling thread is one of them. A thread that cannot be started only
 * costs speed: the others claim its pieces, so the scan still completes.
 */
static void run_workers(struct job *job, int threads)
{
    pthread_t extra[MAX_THREADS];
    int started = 0;
    while (started < threads - 1 && pthread_create(&extra[started], NULL, work, job) == 0)
        started++;
    work(job);
    for (int i = 0; i < started; i++)
        pthread_join(extra[i], NULL);
}

static int finish(struct job *job, int rc)
{
    const struct maze_scan_request *req = job->req;
    req->out[MAZE_OUT_COUNT] = (int64_t)job->count;
    req->out[MAZE_OUT_RESUME] = job->overflow ? (int64_t)job->resume : 0;
    free_job(job);
    if (rc != MAZE_OK)
        return rc;
    return job->overflow ? MAZE_OVERFLOW : MAZE_OK;
}

int maze_run_scan(const struct maze_scan_request *req)
{
    if (req->core == NULL || req->out == NULL || (req->nsegs > 0 && req->segs == NULL)
        || req->nsegs < 0 || req->addrs == NULL || req->words == NULL)
        return MAZE_ERR_ARGUMENT;
    req->out[MAZE_OUT_COUNT] = 0;
    req->out[MAZE_OUT_RESUME] = 0;
    int rc = check_segments(req);
    if (rc != MAZE_OK)
        return rc;
    struct job job = {.req = req};
    rc = plan_pieces(&job);
    int threads = clamp_threads(req->threads, job.npieces);
    if (rc == MAZE_OK)
        rc = make_slots(&job, threads);
    if (rc != MAZE_OK)
        return finish(&job, rc);
    pthread_mutex_init(&job.mu, NULL);
    pthread_cond_init(&job.changed, NULL);
    run_workers(&job, threads);
    pthread_cond_destroy(&job.changed);
    pthread_mutex_destroy(&job.mu);
    return finish(&job, rc);
}
